using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MyPage.Mynaportal;
using MyPage.Pages.Account;
using MyPage.Pages.Mynaportal;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using MyPage.Tests.Pages.Settings;
using static Microsoft.Playwright.Assertions;
using static MyPage.Tests.Pages.Mynaportal.MockMynaportalPage;

namespace MyPage.Tests.Pages.Mynaportal;

// マイナポータルからのシングルサインオン (3.1 (2)): 「もっとつながる」からログインなしでホームへ。壊された応答は通さない。
[Trait("Category", "Browser")]
public class SingleSignOnTests(MynaportalFixture fixture) : MynaportalTest(fixture), IClassFixture<MynaportalFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Can_link_from_settings_and_then_come_in_from_motto_tsunagaru(bool javaScript)
    {
        var page = await browser.OpenAsync(App, javaScript);
        var login = new LoginPage(page);
        await login.LogInAsync(Email, Password);
        var settings = new SettingsPage(page);
        await settings.GotoAsync();
        await settings.ExpectNotLinkedAsync();
        await settings.StartLinkingAsync(Password);

        await Mock(page).LogInIfAskedAsync(Taro);
        await Expect(settings.Status).ToHaveTextAsync(MynaportalTexts.Linked);
        await settings.ExpectLinkedAsync();
        await App.Smtp.WaitForAsync(Email, MynaportalMails.LinkedSubject);

        await login.LogOutAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync(LoginTexts.SignedOut);

        var before = await LastLoginAsync();
        App.Time.Advance(TimeSpan.FromMinutes(5));
        await Mock(page).SignInFromMottoAsync();
        await login.ExpectHomeAsync();
        Assert.True(await LastLoginAsync() > before);
        Assert.Contains(LogLines, l => l.StartsWith("ログイン成功（マイナポータル）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Can_come_in_by_mynaportal_while_the_password_is_locked()
    {
        var page = await browser.OpenAsync(App);
        await LinkAsync(page, Taro);
        await new LoginPage(page).LogOutAsync();
        using (var client = App.CreateHttpClient())
            for (var i = 0; i < 5; i++) await Forms.LoginAsync(client, Email, "Wrong-pass-1");

        await Mock(page).SignInFromMottoAsync();
        await new LoginPage(page).ExpectHomeAsync();
    }

    [Fact]
    public async Task Cannot_sign_in_by_replaying_a_code()
    {
        var page = await browser.OpenAsync(App);
        await LinkAsync(page, Taro);
        var login = new LoginPage(page);
        await login.LogOutAsync();

        string? callback = null;
        page.Request += (_, request) => { if (request.Url.Contains("/signin-mynaportal?", StringComparison.Ordinal)) callback = request.Url; };
        await Mock(page).SignInFromMottoAsync();
        await login.ExpectHomeAsync();
        await login.LogOutAsync();

        Assert.NotNull(callback);
        await page.GotoAsync(callback!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = MynaportalTexts.FailedTitle })).ToBeVisibleAsync();
        await AssertNoSessionAsync(page);
    }

    [Fact]
    public async Task Cannot_sign_in_with_a_wrong_nonce()
    {
        await using var tampering = new MynaportalSites(tamperNonce: true);
        var seeker = await tampering.MyPage.CreateSeekerAsync(Email, Password);
        await tampering.MyPage.WithDbAsync(async db =>
        {
            db.MynaportalLinks.Add(new() { SeekerId = seeker.Id, Issuer = tampering.MockUrl.ToString().TrimEnd('/'), Subject = "mynaportal-taro", LinkedAt = DateTimeOffset.FromUnixTimeMilliseconds(1) });
            return await db.SaveChangesAsync();
        });

        var page = await browser.OpenAsync(tampering.MyPage);
        await page.GotoAsync(tampering.MockUrl + "motto");
        // 新しいブラウザなので、マイナポータルのログインを必ず求められる
        await page.GetByRole(AriaRole.Button, new() { Name = Taro, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = MynaportalTexts.SiteName }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = MynaportalTexts.FailedTitle })).ToBeVisibleAsync();
        await page.GotoAsync(tampering.MyPage.BaseUrl + "Home");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task Cannot_start_from_an_unknown_issuer()
    {
        using var client = App.CreateHttpClient();
        var response = await client.GetAsync("/Mynaportal/Start?iss=" + Uri.EscapeDataString("https://evil.example/"));
        Assert.Equal("/Mynaportal/Failed", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Can_stay_signed_in_when_coming_back_from_mynaportal_while_already_signed_in()
    {
        var page = await browser.OpenAsync(App);
        await LinkAsync(page, Taro);
        // ログインしたまま、ほかのサイトのリンクから「もっとつながる」の入口へ来ても、ログインしたまま
        await Mock(page).SignInFromMottoAsync();
        await new LoginPage(page).ExpectHomeAsync();
        await page.GotoAsync("/Settings");
        await new SettingsPage(page).ExpectLinkedAsync();
        Assert.Equal(1, await App.WithDbAsync(db => db.Sessions.CountAsync(s => s.SeekerId == SeekerId)));
    }

    [Fact]
    public async Task Can_find_the_way_in_through_mynaportal_on_the_login_screen()
    {
        using var client = App.CreateHttpClient();
        var html = await client.GetStringAsync("/Account/Login");
        Assert.Contains(LoginTexts.MynaportalSteps, html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{sites.MockUrl}\" rel=\"noopener\">{LoginTexts.MynaportalLink}</a>", html, StringComparison.Ordinal);
        Assert.Contains(LoginTexts.MynaportalFirst, html, StringComparison.Ordinal);
        // マニュアルの節の番号は画面の言葉ではない
        Assert.DoesNotContain("3.4", html, StringComparison.Ordinal);

        // 連携を設定していないサイトでは案内しない
        await using var plain = new MyPageApp();
        using var other = plain.CreateHttpClient();
        Assert.DoesNotContain(LoginTexts.MynaportalSteps, await other.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
    }
}
