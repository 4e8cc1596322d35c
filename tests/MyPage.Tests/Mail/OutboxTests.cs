using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Mail;
using MyPage.PasswordReset;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Mail;

// メールを失わない: SMTP が止まっていても画面はいつもどおりで、戻れば一度だけ届く
[Trait("Category", "PostgreSQL")]
public class OutboxTests
{
    private const string Email = "seeker@example.jp";

    private static async Task RequestResetAsync(MyPageApp app)
    {
        using var client = app.CreateHttpClient();
        var response = await Forms.PostAsync(client, "/Account/ForgotPassword", new() { ["Input.Id"] = Email });
        Assert.Equal("/Account/ResetPassword", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.PostgreSql)]
    public async Task Can_deliver_exactly_once_when_smtp_comes_back(Store store)
    {
        await using var app = new MyPageApp(smtpUp: false, store: store);
        await app.CreateSeekerAsync(Email, "Right-pass-1");
        await RequestResetAsync(app);

        await WaitUntilAsync(() => app.Logs.Lines.Any(l => l.StartsWith("メール送信に失敗", StringComparison.Ordinal)));
        var pending = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync());
        Assert.Null(pending.SentAt);
        Assert.Equal(1, pending.Attempts);

        app.Smtp.Start();
        await LetTimePassUntilDeliveredAsync(app, OutboxSender.Backoff(1));

        // 送信済みと記録され、もう一度時間を進めて送信者を動かしても、送るものはない（二通目は来ない）
        var sent = await Eventually.ValueAsync(() => app.WithDbAsync(db => db.OutboxMessages.SingleAsync()), m => m.SentAt is not null, "送信済みの記録");
        Assert.Equal(2, sent.Attempts);
        app.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await app.Services.GetRequiredService<OutboxSender>().DeliverDueAsync());
        Assert.Single(app.Smtp.For(Email, ResetMails.RequestSubject));
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.PostgreSql)]
    public async Task Can_deliver_a_mail_queued_before_a_restart(Store store)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mypage-outbox-{Guid.NewGuid():N}.db");
        await using var postgres = store == Store.PostgreSql ? await PostgresDatabase.CreateAsync() : null;
        await using (var before = new MyPageApp(path, keepDatabase: true, smtpUp: false, postgres: postgres))
        {
            await before.CreateSeekerAsync(Email, "Right-pass-1");
            await RequestResetAsync(before);
            await WaitUntilAsync(() => before.Logs.Lines.Any(l => l.StartsWith("メール送信に失敗", StringComparison.Ordinal)));
        }
        await using var after = new MyPageApp(path, postgres: postgres);
        await LetTimePassUntilDeliveredAsync(after, OutboxSender.Backoff(1));
        Assert.Single(after.Smtp.For(Email, ResetMails.RequestSubject));
    }

    [Fact]
    public async Task Can_back_off_up_to_thirty_minutes_and_keep_trying()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxSender.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(60), OutboxSender.Backoff(2));
        Assert.Equal(TimeSpan.FromMinutes(30), OutboxSender.Backoff(20));
        Assert.Equal(TimeSpan.FromMinutes(30), OutboxSender.Backoff(1000));
    }

    // 時計を進めて届くのを待つ。送信者が時計を待ち始める前に進めてしまうこともあるので、
    // 本物の時間と同じく、見回りの間隔ずつ進め続ける（3分まで）
    private static async Task LetTimePassUntilDeliveredAsync(MyPageApp app, TimeSpan first)
    {
        app.Time.Advance(first);
        for (var i = 0; i < 12 && app.Smtp.For(Email, ResetMails.RequestSubject).Count == 0; i++)
        {
            await Task.Delay(250);
            app.Time.Advance(OutboxSender.PollInterval);
        }
        await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Eventually.TrueAsync(condition, "送信の失敗の記録");

    [Fact]
    public async Task Gives_up_at_once_on_a_mail_the_server_refuses_for_good_and_keeps_no_secret_of_it()
    {
        await using var app = new MyPageApp();
        await app.CreateSeekerAsync(Email, "Right-pass-1");
        app.Smtp.RejectRecipient(Email);
        await RequestResetAsync(app);

        var failed = await Eventually.ValueAsync(() => app.WithDbAsync(db => db.OutboxMessages.SingleAsync()), m => m.FailedAt is not null, "送れないメールの記録");
        Assert.Null(failed.SentAt);
        Assert.Null(failed.Body);
        Assert.Null(failed.Secret);
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("メールを送れません（送り直しません）", StringComparison.Ordinal));

        // いつまでたっても送り直さない
        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await app.Services.GetRequiredService<OutboxSender>().DeliverDueAsync());
        Assert.Equal(1, (await app.WithDbAsync(db => db.OutboxMessages.SingleAsync())).Attempts);
    }

    [Fact]
    public async Task Gives_up_at_once_on_a_stored_address_that_cannot_be_read()
    {
        await using var app = new MyPageApp();
        var now = app.Time.GetUtcNow();
        await app.WithDbAsync(db =>
        {
            db.OutboxMessages.Add(new MyPage.Data.OutboxMessage { MessageId = "m1@example.jp", To = "not an address", Subject = "お知らせ", Body = "本文", CreatedAt = now, NextAttemptAt = now });
            return db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<OutboxSender>().DeliverDueAsync();
        var row = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync());
        Assert.NotNull(row.FailedAt);
        Assert.Contains("ParseException", row.LastError, StringComparison.Ordinal);
        Assert.Empty(app.Smtp.Messages);
    }
}
