using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MyPage.Data;

internal enum DatabaseProvider { Sqlite, PostgreSQL }

// 起動できない設定や環境: 一行（日本語と英語）で知らせて止まる（Program が書く）
internal sealed class StartupException(string message) : Exception(message);

// データベースが使えるようになったとき（マイグレーションのあと、要求を受ける前）に一度ずつ呼ぶもの。モジュールが自分で登録する
internal interface IDatabaseReadyHook
{
    void DatabaseReady();
}

internal sealed class DatabaseOptions
{
    // Sqlite（既定: 一台で動かす）か PostgreSQL（複数のインスタンスで一つのデータベースを使う）
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public static DatabaseProvider ProviderFrom(IConfiguration config)
    {
        var value = config["MyPage:Database:Provider"];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new StartupException($"MyPage:Database:Provider の値 \"{value}\" は使えません。Sqlite か PostgreSQL を指定してください。 / MyPage:Database:Provider must be Sqlite or PostgreSQL.");
    }

    // 運用者が別にマイグレーションする場合は false
    public bool MigrateOnStartup { get; set; } = true;

    // 開発用のデモ求職者を入れる（Development の appsettings で true）
    public bool SeedDemoData { get; set; }
}

internal static class DatabaseStartup
{
    public const string DemoEmail = "demo@example.jp";
    public const string DemoPassword = "Demo-pass-2026";

    public static async Task RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<MyPageDb>();

        try
        {
            await MigrateAsync(db, options, ct);
        }
        catch (Exception e) when (CauseOf(e) is { } cause)
        {
            throw new StartupException(
                $"データベースに接続できません (ConnectionStrings:MyPage, MyPage:Database:Provider={options.Provider}): {cause.Message} / Cannot use the database.");
        }

        // 鍵の束が暗号化されているのに証明書がない、本番で証明書がない: 起動しない（鍵を作る前に）
        DataProtectionCertificate.CheckKeyRing(db,
            scope.ServiceProvider.GetRequiredService<IConfiguration>(), scope.ServiceProvider.GetRequiredService<IHostEnvironment>());

        if (!(await db.Database.GetPendingMigrationsAsync(ct)).Any())
            foreach (var hook in scope.ServiceProvider.GetServices<IDatabaseReadyHook>()) hook.DatabaseReady();

        if (options.SeedDemoData)
        {
            var demo = await SeedDemoAsync(scope.ServiceProvider.GetRequiredService<UserManager<Seeker>>());
            await DemoData.SeedAsync(db, demo, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
        }
    }

    // 同じ PostgreSQL に複数のインスタンスが同時に起動しても、マイグレーションするのは一つだけ（ほかは待って、済んだのを見る）
    public const long MigrationLockKey = 0x4D79506167654442; // "MyPageDB"

    private static async Task MigrateAsync(MyPageDb db, DatabaseOptions options, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            CreateDirectoryFor(db.Database.GetConnectionString());
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
            if (!options.MigrateOnStartup) return;
            await SquashedMigrations.AdoptAsync(db, ct);
            await db.Database.MigrateAsync(ct);
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!options.MigrateOnStartup) return;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
            try
            {
                // 最初の起動: 履歴の表がないと、EF (Npgsql) はそれを読む SELECT の失敗を「fail:」と記録してから作る。
                // 失敗ではないので、EF が使うのと同じ文で先に作っておく（あれば何もしない）
                await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
                await SquashedMigrations.AdoptAsync(db, ct);
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // 接続できない、認証が通らない、接続文字列が読めない（Npgsql の再試行の包みは開ける）
    private static Exception? CauseOf(Exception e) => e switch
    {
        DbException or ArgumentException or TimeoutException => e,
        InvalidOperationException { InnerException: DbException inner } => inner,
        _ => null,
    };

    private static void CreateDirectoryFor(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (string.IsNullOrEmpty(directory)) return;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException(MyPage.Startup.SettingChecks.Line("ConnectionStrings:MyPage", file,
                $"この SQLite のファイルのフォルダーを作れません（{e.Message}）。書き込めるフォルダーにしてください。", $"cannot create the folder of this SQLite file ({e.Message})."));
        }
    }

    private static async Task<Seeker> SeedDemoAsync(UserManager<Seeker> users)
    {
        if (await users.FindByNameAsync(DemoEmail) is { } existing) return existing;
        var demo = new Seeker
        {
            UserName = DemoEmail,
            Email = DemoEmail,
            EmailConfirmed = true,
            SeekerNumber = "70000-9999999",
            OfficeName = "飯田橋公共職業安定所",
        };
        var result = await users.CreateAsync(demo, DemoPassword);
        if (!result.Succeeded)
            throw new InvalidOperationException("デモ求職者を作れませんでした: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        return demo;
    }
}
