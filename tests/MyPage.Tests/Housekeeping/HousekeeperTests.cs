using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Housekeeping;
using MyPage.Sessions;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Housekeeping;

// 後片付けを本物のデータベースで（SQLite と PostgreSQL の両方で、同じ試験）
public class HousekeeperOnSqliteTests() : HousekeeperTests(Store.Sqlite);

[Trait("Category", "PostgreSQL")]
public class HousekeeperOnPostgreSqlTests() : HousekeeperTests(Store.PostgreSql);

public abstract class HousekeeperTests(Store store) : IAsyncLifetime
{
    private readonly MyPageApp app = new(store: store);

    public async Task InitializeAsync() => await app.CreateSeekerAsync("seeker@example.jp", "Right-pass-1");
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Can_remove_sessions_idle_past_their_expiry()
    {
        using (var client = app.CreateHttpClient()) await Forms.LoginAsync(client, "seeker@example.jp", "Right-pass-1");
        var housekeeping = app.Services.GetRequiredService<Housekeeper>();
        Assert.Equal(0, (await housekeeping.RunOnceAsync()).Sessions);

        app.Time.Advance(SessionPolicy.DefaultIdleTimeout);
        Assert.Equal(1, (await housekeeping.RunOnceAsync()).Sessions);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Sessions.Count())));
    }

    [Fact]
    public async Task Can_remove_sent_mail_after_a_week_and_old_requests_after_two_days_but_never_unsent_mail()
    {
        using (var client = app.CreateHttpClient())
            await Forms.PostAsync(client, "/Account/ForgotPassword", new() { ["Input.Id"] = "seeker@example.jp" });
        await app.Smtp.WaitForAsync("seeker@example.jp", MyPage.PasswordReset.ResetMails.RequestSubject);
        // SMTP サーバーが受け取ったあと、送信済みの印が付くまで待つ
        for (var i = 0; i < 200 && await app.WithDbAsync(db => Task.FromResult(db.OutboxMessages.Count(m => m.SentAt != null))) == 0; i++) await Task.Delay(25);
        await app.Smtp.StopAsync();
        using (var client = app.CreateHttpClient())
            await Forms.PostAsync(client, "/Register", new() { ["Input.Email"] = "new@example.jp", ["Input.AgreeTerms"] = "true", ["Input.AgreePrivacy"] = "true" });

        // 時計を進めると1時間ごとの後片付けも動くので、結果はデータベースで確かめる
        var housekeeping = app.Services.GetRequiredService<Housekeeper>();
        app.Time.Advance(Housekeeper.KeepRequests - TimeSpan.FromMinutes(10));
        await housekeeping.RunOnceAsync();
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.PasswordResetRequests.Count())));
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.RegistrationRequests.Count())));
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.OutboxMessages.Count(m => m.SentAt != null))));

        app.Time.Advance(Housekeeper.KeepSentMail);
        await housekeeping.RunOnceAsync();
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.OutboxMessages.Count(m => m.SentAt != null))));
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.PasswordResetRequests.Count() + db.RegistrationRequests.Count())));
        // SMTP が止まっていて送れていないメールは残る
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.OutboxMessages.Count(m => m.SentAt == null))));
    }

    [Fact]
    public async Task Cannot_use_a_session_after_the_idle_timeout()
    {
        var cookies = new CookieContainer();
        using var client = app.CreateHttpClient(cookies);
        await Forms.LoginAsync(client, "seeker@example.jp", "Right-pass-1");
        app.Time.Advance(SessionPolicy.DefaultIdleTimeout - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Home")).StatusCode);
        app.Time.Advance(SessionPolicy.DefaultIdleTimeout);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Home")).StatusCode);
    }
}
