using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Abuse;
using MyPage.Data;
using MyPage.Tests.Infrastructure;
using Npgsql;

namespace MyPage.Tests.Data;

// PostgreSQL での起動と型: マイグレーション、timestamptz、日本語と絵文字、大文字小文字を区別しない ID、起動できないときの一行
[Trait("Category", "PostgreSQL")]
public class PostgreSqlTests
{
    [Fact]
    public async Task Can_migrate_at_start_up_with_instants_as_timestamptz()
    {
        await using var app = new MyPageApp(store: Store.PostgreSql, migrated: false);
        Assert.Empty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
        Assert.True(await app.WithDbAsync(db => Task.FromResult(db is PostgreSqlDb)));

        await using var connection = new NpgsqlConnection(app.Postgres!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT table_name || '.' || column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'public' AND (column_name LIKE '%At' OR column_name LIKE '%Until') AND data_type IN ('bigint', 'integer', 'timestamp with time zone')
            """, connection);
        var columns = new Dictionary<string, string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) columns[reader.GetString(0)] = reader.GetString(1);
        Assert.Equal("timestamp with time zone", columns["LoginThrottles.LockedUntil"]);
        Assert.Equal("timestamp with time zone", columns["OutboxMessages.NextAttemptAt"]);
        Assert.Equal("timestamp with time zone", columns["Sessions.ExpiresAt"]);
        Assert.All(columns, c => Assert.Equal("timestamp with time zone", c.Value));
    }

    [Fact]
    public async Task Can_keep_japanese_text_emoji_and_long_names()
    {
        await using var app = new MyPageApp(store: Store.PostgreSql);
        var seeker = await app.CreateSeekerAsync("seeker@example.jp", "Right-pass-1");
        const string family = "髙橋𠮷野屋ー渡邊齋藤斎藤齊藤濵田";  // 20 文字: 異体字、サロゲートペア
        const string given = "🍣すし😀子";
        await app.WithDbAsync(async db =>
        {
            var row = await db.Users.SingleAsync(u => u.Id == seeker.Id);
            row.FamilyName = family;
            row.GivenName = given;
            row.FamilyNameKana = new string('ア', 40);
            return await db.SaveChangesAsync();
        });
        var back = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == seeker.Id));
        Assert.Equal(family, back.FamilyName);
        Assert.Equal(given, back.GivenName);
        Assert.Equal(new string('ア', 40), back.FamilyNameKana);
        Assert.Equal(family, (await app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.FamilyName == family).ToListAsync())).Single().FamilyName);
    }

    [Fact]
    public async Task Cannot_open_a_second_account_for_the_same_id_in_another_case()
    {
        await using var app = new MyPageApp(store: Store.PostgreSql);
        await app.CreateSeekerAsync("seeker@example.jp", "Right-pass-1");
        // 画面を通しても（開設の仮登録では ID の有無を見せない）、データベースの一意索引でも、二つ目はできない
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Seeker>>();
        var second = await users.CreateAsync(new Seeker { UserName = "SEEKER@Example.JP", Email = "SEEKER@Example.JP" }, "Right-pass-1");
        Assert.False(second.Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<MyPageDb>();
        var normalized = await db.Users.Select(u => u.NormalizedUserName).SingleAsync();
        db.Users.Add(new Seeker { UserName = "x", NormalizedUserName = normalized, Email = "x", NormalizedEmail = "X" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Can_use_a_bot_check_solution_once_and_count_client_failures()
    {
        await using var app = new MyPageApp(store: Store.PostgreSql, settings: new Dictionary<string, string?>
        {
            ["MyPage:RateLimits:ClientLoginFailures"] = "3",
        });
        await app.CreateSeekerAsync("seeker@example.jp", "Right-pass-1");
        using var client = app.CreateHttpClient();
        for (var i = 0; i < 3; i++) await Forms.LoginAsync(client, $"stuffed{i}@example.jp", "Wrong-pass-1");
        var page = await client.GetStringAsync("/Account/Login");
        Assert.True(BotChecks.Asked(page));
        var solution = BotChecks.Solve(page);
        var fields = new Dictionary<string, string> { ["Input.Id"] = "seeker@example.jp", ["Input.Password"] = "Right-pass-1", ["BotCheck"] = solution };
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, "/Account/Login", fields)).StatusCode);
        using var other = app.CreateHttpClient();
        Assert.Contains(BotCheckTexts.Failed, await (await Forms.PostAsync(other, "/Account/Login", fields)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cannot_start_without_a_reachable_database_and_says_which_setting_in_one_line()
    {
        var (code, _, error) = await SiteProcess.RunAsync(new Dictionary<string, string>
        {
            ["MyPage__Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__MyPage"] = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Username=postgres;Database=none;Timeout=3",
            ["MyPage__PublicUrl"] = "https://mypage.example.jp/",
        });
        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("データベースに接続できません (ConnectionStrings:MyPage, MyPage:Database:Provider=PostgreSQL)", line);

        var (missingCode, _, missing) = await SiteProcess.RunAsync(new Dictionary<string, string>
        {
            ["MyPage__Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__MyPage"] = "",
            ["MyPage__PublicUrl"] = "https://mypage.example.jp/",
        });
        Assert.Equal(1, missingCode);
        Assert.StartsWith("ConnectionStrings:MyPage が設定されていません", Assert.Single(missing.Split('\n', StringSplitOptions.RemoveEmptyEntries)));

        var (wrongCode, _, wrong) = await SiteProcess.RunAsync(new Dictionary<string, string> { ["MyPage__Database__Provider"] = "Oracle" });
        Assert.Equal(1, wrongCode);
        Assert.StartsWith("MyPage:Database:Provider の値 \"Oracle\" は使えません", Assert.Single(wrong.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
