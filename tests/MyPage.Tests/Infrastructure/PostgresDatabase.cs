using Npgsql;

namespace MyPage.Tests.Infrastructure;

// テストのサイトが使うデータベース: 一時 SQLite ファイル（既定）か、使い捨てのクラスタの PostgreSQL
public enum Store { Sqlite, PostgreSql }

// テストごとの PostgreSQL データベース。test.sh が動かす使い捨てのクラスタ (MYPAGE_TEST_POSTGRES) の中に作り、終われば消す。
// 二つのサイトに同じものを渡せば、一つのデータベースを共有する二つのインスタンスになる。
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string ServerVariable = "MYPAGE_TEST_POSTGRES";

    public string Name { get; } = "mypage_" + Guid.NewGuid().ToString("N")[..16];
    public string ConnectionString { get; }

    private PostgresDatabase(string server)
        => ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name, Pooling = true }.ConnectionString;

    // サーバーの接続文字列。なければ失敗する（飛ばさない）: ./test.sh で動かす
    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException($"{ServerVariable} がありません。PostgreSQL のテストは ./test.sh で（使い捨てのクラスタを起動して）動かしてください。");

    // migrated: マイグレーション済みの写しから（既定）。false なら空のデータベース（マイグレーションの試験）
    public static PostgresDatabase Create(bool migrated = true) => CreateAsync(migrated).GetAwaiter().GetResult();

    public static async Task<PostgresDatabase> CreateAsync(bool migrated = true)
    {
        var database = new PostgresDatabase(Server);
        var template = migrated ? DatabaseTemplates.PostgresTemplate : "template0";
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\" ENCODING 'UTF8' TEMPLATE \"{template}\"", connection);
        await create.ExecuteNonQueryAsync();
        return database;
    }

    // サイトに渡す設定
    public IReadOnlyDictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MyPage:Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:MyPage"] = ConnectionString,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
