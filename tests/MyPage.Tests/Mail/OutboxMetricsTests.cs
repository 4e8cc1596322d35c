using MyPage.Mail;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Mail;

// 送信待ちの数: SMTP が止まっている間、いちばん古いメールの待ち時間は延び、SMTP が戻って送れば 0 に戻る
public class OutboxMetricsTests
{
    private const string Email = "metrics@example.jp";
    private const string Age = "mypage_outbox_oldest_waiting_age_seconds";

    [Fact]
    public async Task The_oldest_waiting_age_grows_while_smtp_is_down_and_falls_to_zero_once_it_returns()
    {
        await using var app = new MyPageApp(metrics: true, smtpUp: false);
        await app.CreateSeekerAsync(Email, "Right-pass-1");
        Assert.Equal(0, (await app.ScrapeAsync()).Value(Age));
        using (var client = app.CreateHttpClient())
            await Forms.PostAsync(client, "/Account/ForgotPassword", new() { ["Input.Id"] = Email });

        await Scrape.UntilAsync(app, s => s.Value("mypage_outbox_sends_total", "outcome=retry") == 1, "送り直しの数");
        var waiting = await Scrape.UntilAsync(app, s => s.Value("mypage_outbox_waiting") == 1, "待ちの数");
        var before = waiting.Value(Age);
        app.Time.Advance(TimeSpan.FromSeconds(20)); // 送り直す前（30秒）
        var after = (await app.ScrapeAsync()).Value(Age);
        Assert.True(after >= before + 20, $"{before} → {after}");

        app.Smtp.Start();
        var sent = await Scrape.UntilAsync(app, s =>
        {
            app.Time.Advance(OutboxSender.PollInterval);
            return s.Value("mypage_outbox_sends_total", "outcome=sent") == 1 && s.Value(Age) == 0;
        }, "送れて待ち時間が 0");
        Assert.Equal(0, sent.Value("mypage_outbox_waiting"));
        Assert.Equal(0, sent.Value("mypage_outbox_permanent_failures_total"));
    }

    [Fact]
    public async Task A_mail_the_server_refuses_for_good_is_a_permanent_failure()
    {
        await using var app = new MyPageApp(metrics: true);
        await app.CreateSeekerAsync(Email, "Right-pass-1");
        app.Smtp.RejectRecipient(Email);
        using (var client = app.CreateHttpClient())
            await Forms.PostAsync(client, "/Account/ForgotPassword", new() { ["Input.Id"] = Email });

        var scrape = await Scrape.UntilAsync(app, s => s.Value("mypage_outbox_permanent_failures_total") == 1, "送れないメールの数");
        Assert.Equal(1, scrape.Value("mypage_outbox_sends_total", "outcome=failed"));
        Assert.Equal(0, scrape.Value("mypage_outbox_waiting"));
    }
}
