using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Abuse;

// mypage_bot_checks_total{provider, result}: 確認を出し、誤った答えを送る（本物の計算による確認）
public class AbuseMetricsTests
{
    [Fact]
    public async Task Bot_checks_shown_and_failed_are_counted_per_provider()
    {
        await using var app = new MyPageApp(metrics: true, settings: new Dictionary<string, string?> { ["MyPage:RateLimits:ClientLoginFailures"] = "1" });
        using var client = app.CreateHttpClient();
        await Forms.LoginAsync(client, "someone@example.jp", "Wrong-pass-1");
        var shown = (await app.ScrapeAsync()).Value("mypage_bot_checks_total", "provider=proof_of_work", "result=shown");
        Assert.True(shown >= 1, $"shown={shown}");

        await Forms.PostAsync(client, "/Account/Login", new() { ["Input.Id"] = "someone@example.jp", ["Input.Password"] = "Wrong-pass-1", ["BotCheck"] = "not-an-answer" });

        var scrape = await app.ScrapeAsync();
        Assert.Equal(1, scrape.Value("mypage_bot_checks_total", "provider=proof_of_work", "result=failed"));
        Assert.Equal(0, scrape.Value("mypage_bot_checks_total", "result=passed"));
        Assert.True(scrape.Value("mypage_bot_checks_total", "result=shown") > shown);
    }
}
