using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MyPage.Data;

public sealed class DatabaseOptions
{
    // 運用者が別にマイグレーションする場合は false
    public bool MigrateOnStartup { get; set; } = true;

    // 開発用のデモ求職者を入れる（Development の appsettings で true）
    public bool SeedDemoData { get; set; }
}

public static class DatabaseStartup
{
    public const string DemoEmail = "demo@example.jp";
    public const string DemoPassword = "Demo-pass-2026";

    public static async Task RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<MyPageDb>();

        CreateDirectoryFor(db.Database.GetConnectionString());
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);

        if (options.MigrateOnStartup)
            await db.Database.MigrateAsync(ct);

        // サイトの鍵は起動のときに読んでおく（初めて使うのが書き込みのトランザクションの中だと、SQLite では自分を待ってしまう）
        if (!(await db.Database.GetPendingMigrationsAsync(ct)).Any())
            _ = scope.ServiceProvider.GetRequiredService<MyPage.Security.SiteSecrets>().TagKey;

        if (options.SeedDemoData)
        {
            var demo = await SeedDemoAsync(scope.ServiceProvider.GetRequiredService<UserManager<Seeker>>());
            await DemoData.SeedAsync(db, demo, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
        }
    }

    private static void CreateDirectoryFor(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
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
