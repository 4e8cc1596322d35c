using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MyPage.Mynaportal;
using MyPage.Pages.Account;
using MyPage.Pages.Mynaportal;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Mynaportal;

// マイナポータルからのシングルサインオン (3.1 (2)) と連携 (3.4)。模擬マイナポータルは本物の OpenID Connect プロバイダーで、
// 別のループバックのポートで動く。ブラウザは Debian の Chromium。
public class SingleSignOnTests : IAsyncLifetime
{
    private readonly MynaportalSites sites = new();
    private MyPageApp App => sites.MyPage;
    private const string Email = "seeker@example.jp";
    private const string Password = "Right-pass-1";
    private const string Taro = "マイナ 太郎";
    private const string Hanako = "マイナ 花子";

    public async Task InitializeAsync() => await App.CreateSeekerAsync(Email, Password);
    public async Task DisposeAsync() => await sites.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Can_link_from_settings_and_then_come_in_from_motto_tsunagaru(bool javaScript)
    {
        var page = await Browser.OpenAsync(App, javaScript);
        await LogInAsync(page);
        await page.GotoAsync("/Settings");
        await Expect(page.Locator("#mynaportal-status")).ToHaveTextAsync("連携していません");
        await page.GetByRole(AriaRole.Button, new() { Name = MynaportalTexts.StartLinking }).ClickAsync();

        await MockLoginAsync(page, Taro);
        await Expect(page.Locator("#status")).ToHaveTextAsync(MynaportalTexts.Linked);
        await Expect(page.Locator("#mynaportal-status")).ToContainTextAsync("連携済み");
        await App.Smtp.WaitForAsync(Email, MynaportalMails.LinkedSubject);

        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(LoginTexts.SignedOut);

        var before = await LastLoginAsync();
        App.Time.Advance(TimeSpan.FromMinutes(5));
        await SsoFromMottoAsync(page);
        await new LoginPage(page).ExpectHomeAsync();
        Assert.True(await LastLoginAsync() > before);
        Assert.Contains(App.Logs.Lines, l => l.StartsWith("ログイン成功（マイナポータル）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Can_link_from_the_mismatch_screen_with_id_and_password_and_then_go_straight_in()
    {
        var page = await Browser.OpenAsync(App);
        await SsoFromMottoAsync(page, Hanako);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = MynaportalTexts.UnlinkedTitle, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText(MynaportalTexts.NotFound)).ToBeVisibleAsync();
        await Expect(page.GetByText(MynaportalTexts.NoAccount)).ToBeVisibleAsync();
        await AssertNoSessionAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = MynaportalTexts.StartLinking }).ClickAsync();

        await Expect(page.GetByText(MynaportalTexts.LinkOnLogin)).ToBeVisibleAsync();
        var login = new LoginPage(page);
        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
        Assert.Equal("mynaportal-hanako", await LinkedSubjectAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await SsoFromMottoAsync(page);
        await login.ExpectHomeAsync();
    }

    [Fact]
    public async Task Can_unlink_and_then_single_sign_on_shows_the_mismatch_screen()
    {
        var page = await Browser.OpenAsync(App);
        await LinkAsync(page, Taro);
        await page.GetByRole(AriaRole.Button, new() { Name = MynaportalTexts.Unlink }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync(MynaportalTexts.UnlinkedDone);
        await Expect(page.Locator("#mynaportal-status")).ToHaveTextAsync("連携していません");
        await App.Smtp.WaitForAsync(Email, MynaportalMails.UnlinkedSubject);
        Assert.Null(await LinkedSubjectAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await SsoFromMottoAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = MynaportalTexts.UnlinkedTitle })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Cannot_link_a_subject_already_linked_to_another_seeker()
    {
        var other = await App.CreateSeekerAsync("other@example.jp", Password, "70000-7777777");
        await App.WithDbAsync(async db =>
        {
            db.MynaportalLinks.Add(new() { SeekerId = other.Id, Issuer = sites.MockUrl.ToString().TrimEnd('/'), Subject = "mynaportal-taro", LinkedAt = 1 });
            return await db.SaveChangesAsync();
        });

        var page = await Browser.OpenAsync(App);
        await LinkAsync(page, Taro, expectLinked: false);
        await Expect(page.Locator("#error-summary")).ToContainTextAsync(MynaportalTexts.SubjectTaken);
        await Expect(page.Locator("#mynaportal-status")).ToHaveTextAsync("連携していません");
        Assert.Null(await LinkedSubjectAsync());
        Assert.Equal(other.Id, await App.WithDbAsync(db => db.MynaportalLinks.Select(l => l.SeekerId).SingleAsync()));
    }

    [Fact]
    public async Task Cannot_link_a_second_subject_to_the_same_seeker()
    {
        var page = await Browser.OpenAsync(App);
        await LinkAsync(page, Taro);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();

        // 別の利用者としてマイナポータルから → 不整合 → 同じ求職者でログイン: 連携は変わらない
        var fresh = await Browser.OpenAsync(App);
        await SsoFromMottoAsync(fresh, Hanako);
        await fresh.GetByRole(AriaRole.Link, new() { Name = MynaportalTexts.StartLinking }).ClickAsync();
        await new LoginPage(fresh).SubmitAsync(Email, Password);
        await Expect(fresh.Locator("#error-summary")).ToContainTextAsync(MynaportalTexts.AlreadyLinked);
        Assert.Equal("mynaportal-taro", await LinkedSubjectAsync());
    }

    [Fact]
    public async Task Can_come_in_by_mynaportal_while_the_password_is_locked()
    {
        var page = await Browser.OpenAsync(App);
        await LinkAsync(page, Taro);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        using (var client = App.CreateHttpClient())
            for (var i = 0; i < 5; i++) await Forms.LoginAsync(client, Email, "Wrong-pass-1");

        await SsoFromMottoAsync(page);
        await new LoginPage(page).ExpectHomeAsync();
    }

    [Fact]
    public async Task Cannot_sign_in_by_replaying_a_code()
    {
        var page = await Browser.OpenAsync(App);
        await LinkAsync(page, Taro);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();

        string? callback = null;
        page.Request += (_, request) => { if (request.Url.Contains("/signin-mynaportal?")) callback = request.Url; };
        await SsoFromMottoAsync(page);
        await new LoginPage(page).ExpectHomeAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();

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
            db.MynaportalLinks.Add(new() { SeekerId = seeker.Id, Issuer = tampering.MockUrl.ToString().TrimEnd('/'), Subject = "mynaportal-taro", LinkedAt = 1 });
            return await db.SaveChangesAsync();
        });

        var page = await Browser.OpenAsync(tampering.MyPage);
        await page.GotoAsync(tampering.MockUrl + "motto");
        await MockLoginAsync(page, Taro);
        await page.GetByRole(AriaRole.Link, new() { Name = MynaportalTexts.SiteName }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = MynaportalTexts.FailedTitle })).ToBeVisibleAsync();
        await page.GotoAsync(tampering.MyPage.BaseUrl + "Home");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task Can_see_the_mismatch_screen_after_withdrawing_and_open_a_new_account()
    {
        var page = await Browser.OpenAsync(App);
        await LinkAsync(page, Taro);
        await page.GotoAsync("/Settings/Withdraw");
        await page.GetByLabel("パスワード").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "退会する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "退会しました" })).ToBeVisibleAsync();

        var login = new LoginPage(page);
        await page.GotoAsync("/Account/Login");
        await login.SubmitAsync(Email, Password);
        await login.ExpectErrorAsync(LoginTexts.Failed);

        await SsoFromMottoAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = MynaportalTexts.UnlinkedTitle })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "求職者マイページを開設する" }).ClickAsync();
        await page.GetByLabel("メールアドレス").FillAsync(Email);
        await page.GetByLabel("利用規約に同意する").CheckAsync();
        await page.GetByLabel("個人情報の取扱いに同意する").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "仮登録メールを送信する" }).ClickAsync();
        await App.Smtp.WaitForAsync(Email, MyPage.Registration.RegistrationMails.ProvisionalSubject);
    }

    [Fact]
    public async Task Cannot_start_from_an_unknown_issuer()
    {
        using var client = App.CreateHttpClient();
        var response = await client.GetAsync("/Mynaportal/Start?iss=" + Uri.EscapeDataString("https://evil.example/"));
        Assert.Equal("/Mynaportal/Failed", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Can_use_the_mismatch_screen_and_settings_without_axe_violations()
    {
        var page = await Browser.OpenAsync(App, width: 360);
        await SsoFromMottoAsync(page, Hanako);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = MynaportalTexts.UnlinkedTitle })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "mynaportal-unlinked-360");
        await Axe.AssertNoViolationsAsync(page);

        var desk = await Browser.OpenAsync(App, width: 1280);
        await LogInAsync(desk);
        await desk.GotoAsync("/Settings");
        await Browser.ScreenshotAsync(desk, "settings-unlinked-1280");
        await Axe.AssertNoViolationsAsync(desk);
        await desk.GetByRole(AriaRole.Button, new() { Name = MynaportalTexts.StartLinking }).ClickAsync();
        await MockLoginAsync(desk, Taro);
        await Expect(desk.Locator("#mynaportal-status")).ToContainTextAsync("連携済み");
        await Browser.ScreenshotAsync(desk, "settings-linked-1280");
        await Axe.AssertNoViolationsAsync(desk);
    }

    private static async Task LogInAsync(IPage page)
    {
        await page.GotoAsync("/Account/Login");
        var login = new LoginPage(page);
        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
    }

    private static async Task LinkAsync(IPage page, string person, bool expectLinked = true)
    {
        await LogInAsync(page);
        await page.GotoAsync("/Settings");
        await page.GetByRole(AriaRole.Button, new() { Name = MynaportalTexts.StartLinking }).ClickAsync();
        await MockLoginAsync(page, person);
        if (expectLinked) await Expect(page.Locator("#status")).ToHaveTextAsync(MynaportalTexts.Linked);
    }

    // 模擬マイナポータルのログイン画面なら、その人のボタンを押す（すでにログイン済みなら何もしない）
    private static async Task MockLoginAsync(IPage page, string person)
    {
        await page.WaitForLoadStateAsync();
        var button = page.GetByRole(AriaRole.Button, new() { Name = person, Exact = true });
        if (await page.GetByRole(AriaRole.Heading, new() { Name = "マイナポータルにログイン" }).CountAsync() > 0)
            await button.ClickAsync();
    }

    // マニュアル 3.1 (2) の手順: マイナポータルにログイン →「もっとつながる」→「厚生労働省ハローワークインターネットサービス」
    private async Task SsoFromMottoAsync(IPage page, string person = Taro)
    {
        await page.GotoAsync(sites.MockUrl.ToString());
        await MockLoginIfNeededAsync(page, person);
        await page.GetByRole(AriaRole.Link, new() { Name = "もっとつながる" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "つながっているウェブサイト" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = MynaportalTexts.SiteName }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(App.BaseUrl.ToString(), StringComparison.Ordinal) && !url.Contains("/signin-mynaportal") && !url.Contains("/Mynaportal/Start") && !url.Contains("/Mynaportal/Callback"));
    }

    private static async Task MockLoginIfNeededAsync(IPage page, string person)
    {
        var login = page.GetByRole(AriaRole.Link, new() { Name = "ログイン", Exact = true });
        if (await login.CountAsync() == 0) return;
        await login.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = person, Exact = true }).ClickAsync();
    }

    private static async Task AssertNoSessionAsync(IPage page)
    {
        var cookies = await page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name == "__Host-mypage-session");
    }

    private Task<string?> LinkedSubjectAsync()
        => App.WithDbAsync(db => db.MynaportalLinks.Where(l => l.SeekerId != null).Join(db.Users.Where(u => u.Email == Email), l => l.SeekerId, u => u.Id, (l, _) => l.Subject).SingleOrDefaultAsync());

    private Task<DateTimeOffset?> LastLoginAsync()
        => App.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.LastLoginAt).SingleAsync());
}
