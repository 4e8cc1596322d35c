using System.Net;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Login;

// mypage_logins_total{method, outcome}: 本物のログインを HTTP で送り、受け口 (/metrics) の数を読む
public class LoginMetricsTests
{
    private const string Email = "metrics@example.jp";
    private const string Password = "Right-pass-1";
    private const string Logins = "mypage_logins_total";

    [Fact]
    public async Task Five_wrong_passwords_count_four_wrong_and_one_locked()
    {
        await using var app = new MyPageApp(metrics: true);
        await app.CreateSeekerAsync(Email, Password);
        using var client = app.CreateHttpClient();

        for (var i = 0; i < 5; i++) await Forms.LoginAsync(client, Email, "Wrong-pass-1");

        var scrape = await app.ScrapeAsync();
        Assert.Equal(4, scrape.Value(Logins, "method=password", "outcome=wrong_credentials"));
        Assert.Equal(1, scrape.Value(Logins, "method=password", "outcome=locked"));
        Assert.Equal(0, scrape.Value(Logins, "outcome=success"));
        // ロック中のログインも locked（正しいパスワードでも）
        await Forms.LoginAsync(client, Email, Password);
        Assert.Equal(2, (await app.ScrapeAsync()).Value(Logins, "method=password", "outcome=locked"));
    }

    [Fact]
    public async Task A_password_login_counts_one_success_by_password()
    {
        await using var app = new MyPageApp(metrics: true);
        await app.CreateSeekerAsync(Email, Password);
        using var client = app.CreateHttpClient();

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(client, Email, Password)).StatusCode);

        var scrape = await app.ScrapeAsync();
        Assert.Equal(1, scrape.Value(Logins, "method=password", "outcome=success"));
        Assert.Equal(1, scrape.Value(Logins));
    }

    [Fact]
    public async Task A_login_refused_by_the_form_limit_counts_as_rate_limited()
    {
        await using var app = new MyPageApp(metrics: true, settings: new Dictionary<string, string?> { ["MyPage:RateLimits:FormPostsPerMinute"] = "1" });
        await app.CreateSeekerAsync(Email, Password);
        using var client = app.CreateHttpClient();

        await Forms.LoginAsync(client, Email, "Wrong-pass-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Forms.LoginAsync(client, Email, Password)).StatusCode);

        var scrape = await app.ScrapeAsync();
        Assert.Equal(1, scrape.Value(Logins, "method=password", "outcome=rate_limited"));
        Assert.Equal(1, scrape.Value("mypage_rate_limit_refusals_total", "policy=form_posts"));
    }

    [Fact]
    public async Task A_login_held_for_the_bot_check_counts_as_bot_check_required()
    {
        await using var app = new MyPageApp(metrics: true, settings: new Dictionary<string, string?> { ["MyPage:RateLimits:ClientLoginFailures"] = "1" });
        await app.CreateSeekerAsync(Email, Password);
        using var client = app.CreateHttpClient();

        // ほかの ID での失敗で、この接続元は人の確認が要るようになる
        await Forms.LoginAsync(client, "someone-else@example.jp", "Wrong-pass-1");
        await Forms.LoginAsync(client, Email, Password);

        var scrape = await app.ScrapeAsync();
        Assert.Equal(1, scrape.Value(Logins, "method=password", "outcome=bot_check_required"));
        Assert.Equal(0, scrape.Value(Logins, "outcome=success"));
        Assert.Equal(1, scrape.Value("mypage_rate_limit_refusals_total", "policy=client_login_failures"));
    }
}
