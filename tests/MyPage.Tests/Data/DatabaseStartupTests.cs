using System.Net;
using Microsoft.EntityFrameworkCore;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Data;

[Trait("Category", "PostgreSQL")]
public class DatabaseStartupTests
{
    // SQLite の接続の設定（待つ時間、外部キー、同期）は、プールから何度戻ってきた接続にも効いている
    [Fact]
    public async Task Every_sqlite_connection_waits_for_locks_and_checks_foreign_keys_however_often_it_is_reused()
    {
        await using var app = new MyPageApp();
        for (var i = 0; i < 3; i++)
        {
            var settings = await app.WithDbAsync(async db =>
            {
                await db.Database.OpenConnectionAsync();
                try
                {
                    return (await Pragma(db, "busy_timeout"), await Pragma(db, "foreign_keys"), await Pragma(db, "synchronous"));
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            });
            Assert.Equal((10000L, 1L, 1L), settings);
        }

        static async Task<long> Pragma(Microsoft.EntityFrameworkCore.DbContext db, string name)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.PostgreSql)]
    public async Task Can_stay_signed_in_across_a_restart(Store store)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mypage-restart-{Guid.NewGuid():N}.db");
        await using var postgres = store == Store.PostgreSql ? await PostgresDatabase.CreateAsync() : null;
        string session;
        await using (var first = new MyPageApp(path, keepDatabase: true, postgres: postgres))
        {
            await first.CreateSeekerAsync("seeker@example.jp", "Right-pass-1");
            var cookies = new CookieContainer();
            using var client = first.CreateHttpClient(cookies);
            await Forms.LoginAsync(client, "seeker@example.jp", "Right-pass-1");
            session = cookies.GetCookies(first.BaseUrl).Single(c => c.Name == "__Host-mypage-session").Value;
            Assert.NotEmpty(await first.WithDbAsync(db => db.DataProtectionKeys.ToListAsync()));
        }

        // 鍵 (Data Protection) もセッションもデータベースにあるので、別のプロセスでも続けて使える
        await using var second = new MyPageApp(path, postgres: postgres);
        using var again = second.CreateHttpClient();
        again.DefaultRequestHeaders.Add("Cookie", $"__Host-mypage-session={session}");
        var home = await again.GetAsync("/Home");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("求職者マイページホーム", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Can_migrate_at_start_up_and_use_wal()
    {
        await using var app = new MyPageApp(migrated: false);
        var mode = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
        Assert.Equal("wal", mode.Single());
        Assert.Empty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    // 空のデータベースへの最初の起動は、失敗でないものを失敗 (Error) と記録しない（運用者が赤い fail: を追わなくてよいように）
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.PostgreSql)]
    public async Task Can_migrate_an_empty_database_without_logging_an_error(Store store)
    {
        await using var app = new MyPageApp(migrated: false, store: store);
        Assert.Empty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
        Assert.DoesNotContain(app.Logs.Detailed, l => l.Contains(" Error ", StringComparison.Ordinal) || l.Contains(" Critical ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cannot_migrate_when_the_operator_turned_it_off()
    {
        await using var app = new MyPageApp(settings: new Dictionary<string, string?> { ["MyPage:Database:MigrateOnStartup"] = "false" }, migrated: false);
        Assert.NotEmpty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }
}
