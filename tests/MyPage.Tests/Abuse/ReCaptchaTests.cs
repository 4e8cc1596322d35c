using MyPage.Abuse;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Abuse;

// reCAPTCHA v3（デザインカードの AspNetCore.ReCaptcha の代わり）: 本物の HTTP で答える偽の siteverify に対して
[Trait("Category", "Browser")]
public sealed class ReCaptchaTests : IAsyncLifetime
{
    private readonly FakeReCaptcha google = new();
    private MyPageApp app = null!;
    private readonly Browser browser = new();
    private const string Email = "seeker@example.jp";
    private const string Password = "Right-pass-1";
    private static readonly RateLimitOptions Limits = new();

    public async Task InitializeAsync()
    {
        app = Site(google.VerifyUrl);
        await app.CreateSeekerAsync(Email, Password);
    }

    private MyPageApp Site(Uri verifyUrl)
    {
        var settings = google.Settings(verifyUrl);
        settings["MyPage:RateLimits:ClientLoginFailures"] = Limits.ClientLoginFailures.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new MyPageApp(settings: settings);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
        await google.DisposeAsync();
    }

    private static async Task OverThresholdAsync(MyPageApp site)
    {
        using var client = site.CreateHttpClient();
        for (var i = 0; i < Limits.ClientLoginFailures; i++) await Forms.LoginAsync(client, $"stuffed{i}@example.jp", "Wrong-pass-1");
    }

    private static async Task<string> LoginWithTokenAsync(MyPageApp site, string token)
    {
        using var client = site.CreateHttpClient();
        var response = await Forms.PostAsync(client, "/Account/Login", new() { ["Input.Id"] = Email, ["Input.Password"] = Password, ["BotCheck"] = token });
        return response.StatusCode == System.Net.HttpStatusCode.Redirect ? "redirect:" + response.Headers.Location : await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Passes_above_the_minimum_score_and_refuses_below_it_a_wrong_action_or_a_wrong_hostname()
    {
        await OverThresholdAsync(app);
        Assert.Equal("redirect:/Home", await LoginWithTokenAsync(app, "0.9:login:127.0.0.1"));
        Assert.Contains(BotCheckTexts.Failed, await LoginWithTokenAsync(app, "0.3:login:127.0.0.1"));
        Assert.Contains(BotCheckTexts.Failed, await LoginWithTokenAsync(app, "0.9:reset:127.0.0.1"));
        Assert.Contains(BotCheckTexts.Failed, await LoginWithTokenAsync(app, "0.9:login:evil.example"));
        Assert.Contains(BotCheckTexts.Failed, await LoginWithTokenAsync(app, "not-a-token"));
        // サーバーは秘密鍵と接続元を送って確かめる
        Assert.All(google.Verifications, form => Assert.Equal(FakeReCaptcha.SecretKey, form["secret"].ToString()));
        Assert.All(google.Verifications, form => Assert.Equal("127.0.0.1", form["remoteip"].ToString()));
    }

    [Fact]
    public async Task An_unreachable_verifier_is_a_failed_check_with_a_clear_message_not_a_500()
    {
        await using var down = Site(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/siteverify"));
        await down.CreateSeekerAsync(Email, Password);
        await OverThresholdAsync(down);
        var hashes = down.PasswordVerifications;
        var html = await LoginWithTokenAsync(down, "0.9:login:127.0.0.1");
        Assert.Contains(BotCheckTexts.Unavailable, html);
        Assert.Equal(hashes, down.PasswordVerifications);
    }

    [Fact]
    public async Task Google_is_allowed_only_on_the_response_that_needs_the_check()
    {
        using var client = app.CreateHttpClient();
        var before = await client.GetAsync("/Account/Login");
        Assert.DoesNotContain(google.ScriptBaseUrl.GetLeftPart(UriPartial.Authority), before.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("data-recaptcha", await before.Content.ReadAsStringAsync());

        await OverThresholdAsync(app);
        var needed = await client.GetAsync("/Account/Login");
        Assert.Contains(google.ScriptBaseUrl.GetLeftPart(UriPartial.Authority), needed.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain(google.ScriptBaseUrl.GetLeftPart(UriPartial.Authority), (await client.GetAsync("/Account/ForgotId")).Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_browser_gets_a_token_on_submit_and_logs_in()
    {
        await OverThresholdAsync(app);
        var page = await browser.OpenAsync(app);
        var login = new LoginPage(page);
        await login.GotoAsync();
        await Expect(page.Locator("#bot-check")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
        Assert.Contains(google.Verifications, form => form["response"] == "0.9:login:127.0.0.1");
    }
}
