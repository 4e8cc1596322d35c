using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Data;

// Data/Statements の生の SQL を、両方のプロバイダーで一つずつ動かす（表と列の名前はモデルから、時刻は列の形に直して渡る）
public sealed class StatementsOnSqliteTests : StatementTest
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"mypage-statements-{Guid.NewGuid():N}.db");

    public StatementsOnSqliteTests() => DatabaseTemplates.CopySqliteTo(path);

    private protected override Task<MyPageDb> OpenAsync()
        => Task.FromResult(new MyPageDb(new DbContextOptionsBuilder<MyPageDb>().UseSqlite($"Data Source={path};Pooling=False").Options));

    public override Task DisposeAsync()
    {
        File.Delete(path);
        return Task.CompletedTask;
    }
}

public sealed class StatementsOnPostgreSqlTests : StatementTest
{
    private PostgresDatabase? database;

    private protected override async Task<MyPageDb> OpenAsync()
    {
        database ??= await PostgresDatabase.CreateAsync();
        return new PostgreSqlDb(new DbContextOptionsBuilder<PostgreSqlDb>().UseNpgsql(database.ConnectionString).Options);
    }

    public override async Task DisposeAsync()
    {
        if (database is not null) await database.DisposeAsync();
    }
}

public abstract class StatementTest : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    private protected abstract Task<MyPageDb> OpenAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public abstract Task DisposeAsync();

    private async Task<MyPageDb> WithSeekerAsync(string id)
    {
        var db = await OpenAsync();
        db.Users.Add(new Seeker { Id = id, UserName = id + "@example.jp", NormalizedUserName = id.ToUpperInvariant() + "@EXAMPLE.JP", Email = id + "@example.jp", NormalizedEmail = id.ToUpperInvariant() + "@EXAMPLE.JP" });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return db;
    }

    [Fact]
    public async Task The_site_secret_is_inserted_once_and_the_first_value_stays()
    {
        await using var db = await OpenAsync();
        InsertSiteSecret.IfAbsent(db, "statement-test", "first");
        InsertSiteSecret.IfAbsent(db, "statement-test", "second");
        Assert.Equal("first", await db.SiteSecrets.Where(s => s.Name == "statement-test").Select(s => s.Value).SingleAsync());
    }

    [Fact]
    public async Task A_reset_key_attempt_is_counted_up_to_the_limit_and_only_while_the_request_is_usable()
    {
        await using var db = await OpenAsync();
        db.PasswordResetRequests.Add(new PasswordResetRequest { Id = "usable", KeyHash = "hash", LoginIdTag = "id", ClientTag = "client", ExpiresAt = Now + TimeSpan.FromMinutes(50) });
        db.PasswordResetRequests.Add(new PasswordResetRequest { Id = "used", KeyHash = "hash", LoginIdTag = "id", ClientTag = "client", ExpiresAt = Now + TimeSpan.FromMinutes(50), UsedAt = Now });
        await db.SaveChangesAsync();

        Assert.Equal(new ReserveKeyAttempt.Reserved(1, null, "hash"), await ReserveKeyAttempt.RunAsync(db, "usable", Now, 2));
        Assert.Equal(2, (await ReserveKeyAttempt.RunAsync(db, "usable", Now, 2))?.FailedAttempts);
        Assert.Null(await ReserveKeyAttempt.RunAsync(db, "usable", Now, 2));
        Assert.Null(await ReserveKeyAttempt.RunAsync(db, "used", Now, 2));
        Assert.Null(await ReserveKeyAttempt.RunAsync(db, "absent", Now, 2));
    }

    [Fact]
    public async Task An_id_change_key_attempt_is_counted_up_to_the_limit_and_only_for_its_seeker_while_usable()
    {
        await using var db = await WithSeekerAsync("seeker-change");
        db.IdChangeRequests.Add(new IdChangeRequest { Id = "open", SeekerId = "seeker-change", NewEmail = "new@example.jp", KeyHash = "hash", KeySent = true, ExpiresAt = Now + TimeSpan.FromMinutes(50) });
        db.IdChangeRequests.Add(new IdChangeRequest { Id = "voided", SeekerId = "seeker-change", NewEmail = "new@example.jp", KeyHash = "hash", ExpiresAt = Now + TimeSpan.FromMinutes(50), VoidedAt = Now });
        await db.SaveChangesAsync();

        Assert.Null(await ReserveIdChangeAttempt.RunAsync(db, "open", "someone-else", Now, 2));
        Assert.Equal(new ReserveIdChangeAttempt.Reserved(1, "new@example.jp", "hash", true), await ReserveIdChangeAttempt.RunAsync(db, "open", "seeker-change", Now, 2));
        Assert.Equal(2, (await ReserveIdChangeAttempt.RunAsync(db, "open", "seeker-change", Now, 2))?.FailedAttempts);
        Assert.Null(await ReserveIdChangeAttempt.RunAsync(db, "open", "seeker-change", Now, 2));
        Assert.Null(await ReserveIdChangeAttempt.RunAsync(db, "voided", "seeker-change", Now, 2));
        Assert.Null(await ReserveIdChangeAttempt.RunAsync(db, "open", "seeker-change", Now + TimeSpan.FromMinutes(50), 5));
    }

    [Fact]
    public async Task A_code_attempt_is_counted_until_the_login_expires()
    {
        await using var db = await WithSeekerAsync("seeker-code");
        db.PendingLogins.Add(new PendingLogin { Id = "pending", SeekerId = "seeker-code", CodeHash = "code", ReplacedCodeHashes = "old", SecurityStamp = "stamp", ExpiresAt = Now + TimeSpan.FromMinutes(10) });
        await db.SaveChangesAsync();

        Assert.Equal(new ReserveCodeAttempt.Reserved(1, "seeker-code", "code", "old", "stamp"), await ReserveCodeAttempt.RunAsync(db, "pending", Now, 5));
        Assert.Null(await ReserveCodeAttempt.RunAsync(db, "pending", Now + TimeSpan.FromMinutes(10), 5));
    }

    [Fact]
    public async Task A_used_challenge_is_recorded_once_and_the_outstanding_wait_is_taken_once_and_only_the_latest()
    {
        await using var db = await OpenAsync();
        Assert.True(await UsedChallenges.InsertIfAbsentAsync(db, "answer", "client", Now + TimeSpan.FromMinutes(5), Now));
        Assert.False(await UsedChallenges.InsertIfAbsentAsync(db, "answer", "client", Now + TimeSpan.FromMinutes(5), Now));
        Assert.Equal("client", await db.UsedBotChallenges.Where(c => c.Challenge == "answer").Select(c => c.ClientTag).SingleAsync());

        await UsedChallenges.PutOutstandingAsync(db, "wait", Now, Now + TimeSpan.FromMinutes(5));
        await UsedChallenges.PutOutstandingAsync(db, "wait", Now + TimeSpan.FromSeconds(1), Now + TimeSpan.FromMinutes(6));
        Assert.False(await UsedChallenges.TakeOutstandingAsync(db, "wait", Now));
        Assert.True(await UsedChallenges.TakeOutstandingAsync(db, "wait", Now + TimeSpan.FromSeconds(1)));
        Assert.False(await UsedChallenges.TakeOutstandingAsync(db, "wait", Now + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_client_failure_is_counted_in_its_window_and_counting_starts_again_after_it()
    {
        await using var db = await OpenAsync();
        var window = TimeSpan.FromMinutes(10);
        await CountClientFailure.RunAsync(db, "client", Now, Now - window);
        await CountClientFailure.RunAsync(db, "client", Now + TimeSpan.FromMinutes(1), Now + TimeSpan.FromMinutes(1) - window);
        Assert.Equal(2, await db.ClientThrottles.Where(c => c.ClientTag == "client").Select(c => c.Failures).SingleAsync());

        var later = Now + window;
        await CountClientFailure.RunAsync(db, "client", later, later - window);
        var row = await db.ClientThrottles.AsNoTracking().SingleAsync(c => c.ClientTag == "client");
        Assert.Equal((1, later), (row.Failures, row.WindowStartedAt));
    }

    [Fact]
    public async Task A_browser_is_inserted_once_per_seeker()
    {
        await using var db = await WithSeekerAsync("seeker-browser");
        Assert.Equal(1, await InsertSeekerBrowser.IfAbsentAsync(db, "seeker-browser", "browser", "Chrome（Android）", Now));
        Assert.Equal(0, await InsertSeekerBrowser.IfAbsentAsync(db, "seeker-browser", "browser", "Firefox（Windows）", Now));
        var row = await db.SeekerBrowsers.AsNoTracking().SingleAsync(b => b.SeekerId == "seeker-browser");
        Assert.Equal(("Chrome（Android）", Now, (DateTimeOffset?)null), (row.Description, row.FirstSeenAt, row.TrustedUntil));
    }

    [Fact]
    public async Task Login_failures_lock_at_the_limit_stay_locked_and_count_again_after_the_lock()
    {
        await using var db = await OpenAsync();
        var lockUntil = Now + TimeSpan.FromMinutes(30);
        var forget = Now - TimeSpan.FromHours(24);
        for (var i = 1; i <= 3; i++) Assert.Equal(i, await ReserveLoginFailure.RunAsync(db, "id", Now, forget, lockUntil, 3));
        Assert.Equal(lockUntil, await db.LoginThrottles.Where(t => t.IdTag == "id").Select(t => t.LockedUntil).SingleAsync());

        Assert.Null(await ReserveLoginFailure.RunAsync(db, "id", Now + TimeSpan.FromMinutes(1), forget, lockUntil + TimeSpan.FromMinutes(1), 3));
        Assert.Equal(1, await ReserveLoginFailure.RunAsync(db, "id", lockUntil, lockUntil - TimeSpan.FromHours(24), lockUntil + TimeSpan.FromMinutes(30), 3));
    }
}
