using Microsoft.EntityFrameworkCore;
using Npgsql;
using MyPage.Data;

namespace MyPage.Tests.Infrastructure;

// マイグレーション済みの空のデータベースを、テストのプロセスで一度だけ作る。サイトはその写しから始まる
// （サイトごとにマイグレーションを流さない）。マイグレーションそのものの試験は空のデータベースから (MyPageApp の migrated: false)。
public static class DatabaseTemplates
{
    private static readonly Lazy<string> Sqlite = new(CreateSqlite, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Postgres = new(CreatePostgres, LazyThreadSafetyMode.ExecutionAndPublication);

    // SQLite: 閉じたファイルをそのまま写す
    public static void CopySqliteTo(string path) => File.Copy(Sqlite.Value, path);

    // PostgreSQL: CREATE DATABASE … TEMPLATE に渡す名前
    public static string PostgresTemplate => Postgres.Value;

    private static string CreateSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mypage-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        using (var db = new MyPageDb(new DbContextOptionsBuilder<MyPageDb>().UseSqlite($"Data Source={path};Pooling=False").Options))
            db.Database.Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }

    private static string CreatePostgres()
    {
        var name = $"mypage_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        using (var connection = new NpgsqlConnection(PostgresDatabase.Server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            create.ExecuteNonQuery();
        }
        // 写すときにはほかの接続があってはならないので、プールを使わない
        var template = new NpgsqlConnectionStringBuilder(PostgresDatabase.Server) { Database = name, Pooling = false }.ConnectionString;
        using (var db = new PostgreSqlDb(new DbContextOptionsBuilder<PostgreSqlDb>().UseNpgsql(template).Options))
            db.Database.Migrate();
        return name;
    }
}
