using MyPage.Sessions;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Sessions;

// mypage_sessions_active: 表から数えた値を覚えておき、RefreshEvery ごとに数え直す（読みに来るたびには数えない）
public class SessionMetricsTests
{
    [Fact]
    public async Task Active_sessions_follow_logins_and_logouts_within_the_refresh_interval()
    {
        await using var app = new MyPageApp(metrics: true);
        await app.CreateSeekerAsync("metrics@example.jp", "Right-pass-1");
        using var client = app.CreateHttpClient();
        await Forms.LoginAsync(client, "metrics@example.jp", "Right-pass-1");
        await Scrape.UntilAsync(app, s => s.Value("mypage_sessions_active") == 1, "ログインのあとの数");

        // 覚えている値のうちは変わらない（読みに来ても数え直さない）。RefreshEvery が過ぎれば数え直す
        await Forms.LogoutAsync(client);
        Assert.Equal(1, (await app.ScrapeAsync()).Value("mypage_sessions_active"));
        app.Time.Advance(SessionMetrics.RefreshEvery);
        await Scrape.UntilAsync(app, s => s.Value("mypage_sessions_active") == 0, "ログアウトのあとの数");
    }
}
