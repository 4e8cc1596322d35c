using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Data;
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
    private Seeker seeker = null!;

    public async Task InitializeAsync() => seeker = await app.CreateSeekerAsync("seeker@example.jp", "Right-pass-1");
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

        app.Time.Advance(MyPage.Mail.SentMailCleanup.KeepSentMail);
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

    // 後片付けの手順は、表を持つ部品が自分で登録する。どの表にも、とうに要らなくなった行（old）と、まだ要る行（new）を置き、
    // 一度の後片付けで old だけが消えることを確かめる（部品が登録を忘れると、その表の old が残って落ちる）
    [Fact]
    public async Task Can_remove_the_leftovers_of_every_module_and_keep_rows_still_in_use()
    {
        var now = app.Time.GetUtcNow();
        var ages = new Dictionary<string, TimeSpan> { ["old"] = -TimeSpan.FromDays(500), ["new"] = TimeSpan.FromMinutes(5) };
        DateTimeOffset At(string row) => now + ages[row];
        await app.WithDbAsync(db =>
        {
            foreach (var row in ages.Keys)
            {
                db.Sessions.Add(new SessionRecord { Id = row, SeekerId = seeker.Id, Ticket = [1], CreatedAt = At(row), ExpiresAt = At(row) });
                db.LoginThrottles.Add(new LoginThrottle { IdTag = row, Failures = 1, UpdatedAt = At(row) });
                db.ClientThrottles.Add(new ClientThrottle { ClientTag = row, Failures = 1, WindowStartedAt = At(row) });
                db.UsedBotChallenges.Add(new UsedBotChallenge { Challenge = row, ClientTag = row, ExpiresAt = At(row), UsedAt = At(row) });
                db.OutboxMessages.Add(new OutboxMessage { MessageId = row, To = "seeker@example.jp", Subject = row, CreatedAt = At(row), NextAttemptAt = At(row), SentAt = At(row) });
                db.PasswordResetRequests.Add(new PasswordResetRequest { Id = row, KeyHash = row, LoginIdTag = row, ClientTag = row, CreatedAt = At(row), ExpiresAt = At(row) });
                db.RegistrationRequests.Add(new RegistrationRequest { Id = row, Email = $"{row}@example.jp", EmailTag = row, ClientTag = row, CreatedAt = At(row), ExpiresAt = At(row) });
                db.PendingLogins.Add(new PendingLogin { Id = row, SeekerId = seeker.Id, CodeHash = row, CreatedAt = At(row), CodeSentAt = At(row), ExpiresAt = At(row) });
                db.PendingMynaportalSignIns.Add(new PendingMynaportalSignIn { Id = row, Issuer = "https://mynaportal.example.jp/", Subject = row, CreatedAt = At(row), ExpiresAt = At(row) });
                db.SeekerBrowsers.Add(new SeekerBrowser { SeekerId = seeker.Id, BrowserTag = row, Description = row, FirstSeenAt = At(row), LastSeenAt = At(row) });
                db.IdChangeRequests.Add(new IdChangeRequest { Id = row, SeekerId = seeker.Id, NewEmail = $"{row}@example.jp", KeyHash = row, CreatedAt = At(row), ExpiresAt = At(row) });
            }
            return db.SaveChangesAsync();
        });

        var removed = await app.Services.GetRequiredService<Housekeeper>().RunOnceAsync();

        var left = await app.WithDbAsync(async db => new Dictionary<string, string[]>
        {
            [nameof(db.Sessions)] = await db.Sessions.Select(r => r.Id).ToArrayAsync(),
            [nameof(db.LoginThrottles)] = await db.LoginThrottles.Select(r => r.IdTag).ToArrayAsync(),
            [nameof(db.ClientThrottles)] = await db.ClientThrottles.Select(r => r.ClientTag).ToArrayAsync(),
            [nameof(db.UsedBotChallenges)] = await db.UsedBotChallenges.Select(r => r.Challenge).ToArrayAsync(),
            [nameof(db.OutboxMessages)] = await db.OutboxMessages.Select(r => r.MessageId).ToArrayAsync(),
            [nameof(db.PasswordResetRequests)] = await db.PasswordResetRequests.Select(r => r.Id).ToArrayAsync(),
            [nameof(db.RegistrationRequests)] = await db.RegistrationRequests.Select(r => r.Id).ToArrayAsync(),
            [nameof(db.PendingLogins)] = await db.PendingLogins.Select(r => r.Id).ToArrayAsync(),
            [nameof(db.PendingMynaportalSignIns)] = await db.PendingMynaportalSignIns.Select(r => r.Id).ToArrayAsync(),
            [nameof(db.SeekerBrowsers)] = await db.SeekerBrowsers.Select(r => r.BrowserTag).ToArrayAsync(),
            [nameof(db.IdChangeRequests)] = await db.IdChangeRequests.Select(r => r.Id).ToArrayAsync(),
        });
        var wrong = left.Where(t => t.Value is not ["new"]).Select(t => $"{t.Key}: [{string.Join(", ", t.Value)}]").ToList();
        Assert.True(wrong.Count == 0, "後片付けのあと new だけが残るはずの表: " + string.Join("; ", wrong));
        Assert.Equal((Sessions: 1, Throttles: 3, Mails: 1, Requests: 6), removed);
    }
}
