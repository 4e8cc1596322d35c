using MyPage.OneTimePassword;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.OneTimePassword;

// mypage_one_time_passwords_total{event} と、パスワード＋ワンタイムパスワードのログインの数
public class OneTimePasswordMetricsTests
{
    private const string Email = "metrics@example.jp";
    private const string Password = "Right-pass-1";
    private const string CodePage = "/Account/OneTimePassword";

    private static Task<HttpResponseMessage> SendCodeAsync(HttpClient client, string code)
        => Forms.PostAsync(client, CodePage, new() { ["Input.Code"] = code, ["Input.Trust"] = "false" });

    private static string Wrong(string code) => code == "000000" ? "111111" : "000000";

    [Fact]
    public async Task A_code_sent_then_mistyped_then_right_counts_sent_wrong_passed_and_success()
    {
        await using var app = new MyPageApp(metrics: true, settings: OneTimePasswordSite.Settings());
        await app.CreateSeekerAsync(Email, Password);
        using var client = app.CreateHttpClient();

        await Forms.LoginAsync(client, Email, Password);
        var code = Mails.Code(await app.Smtp.WaitForAsync(Email, OneTimePasswordMails.Subject));
        await SendCodeAsync(client, Wrong(code));
        await SendCodeAsync(client, code);

        var scrape = await app.ScrapeAsync();
        Assert.Equal(1, scrape.Value("mypage_one_time_passwords_total", "event=sent"));
        Assert.Equal(1, scrape.Value("mypage_one_time_passwords_total", "event=passed"));
        Assert.Equal(1, scrape.Value("mypage_logins_total", "method=password_otp", "outcome=wrong_credentials"));
        Assert.Equal(1, scrape.Value("mypage_logins_total", "method=password_otp", "outcome=success"));
        Assert.Equal(0, scrape.Value("mypage_logins_total", "method=password"));
    }

    [Fact]
    public async Task Five_wrong_codes_void_the_code_and_lock()
    {
        await using var app = new MyPageApp(metrics: true, settings: OneTimePasswordSite.Settings());
        await app.CreateSeekerAsync(Email, Password);
        using var client = app.CreateHttpClient();

        await Forms.LoginAsync(client, Email, Password);
        var code = Mails.Code(await app.Smtp.WaitForAsync(Email, OneTimePasswordMails.Subject));
        for (var i = 0; i < 5; i++) await SendCodeAsync(client, Wrong(code));

        var scrape = await app.ScrapeAsync();
        Assert.Equal(1, scrape.Value("mypage_one_time_passwords_total", "event=voided"));
        Assert.Equal(0, scrape.Value("mypage_one_time_passwords_total", "event=passed"));
        Assert.Equal(1, scrape.Value("mypage_logins_total", "method=password_otp", "outcome=locked"));
        Assert.Equal(1, scrape.Value("mypage_lockouts_total"));
    }
}
