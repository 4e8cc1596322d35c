using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MyPage.Pages.Mynaportal;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using MyPage.Tests.Pages.Settings;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Mynaportal;

// マイナポータルのテストの土台: My Page と模擬マイナポータル（本物の OpenID Connect プロバイダー）を
// それぞれのループバックのポートで動かし、一人の求職者を置く。ブラウザは Debian の Chromium。
public abstract class MynaportalTest(bool oneTimePassword = false) : IAsyncLifetime
{
    protected readonly Browser browser = new();
    protected readonly MynaportalSites sites = new(oneTimePassword: oneTimePassword);
    protected MyPageApp App => sites.MyPage;
    protected const string Email = "seeker@example.jp";
    protected const string Password = "Right-pass-1";

    public async Task InitializeAsync() => await App.CreateSeekerAsync(Email, Password);
    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await sites.DisposeAsync();
    }

    protected MockMynaportalPage Mock(IPage page) => new(page, sites.MockUrl, App.BaseUrl);

    // ログインして「求職者情報・設定」から連携する
    protected async Task<SettingsPage> LinkAsync(IPage page, string person, bool expectLinked = true)
    {
        await new LoginPage(page).LogInAsync(Email, Password);
        var settings = new SettingsPage(page);
        await settings.GotoAsync();
        await settings.StartLinkingAsync(Password);
        await Mock(page).LogInIfAskedAsync(person);
        if (expectLinked) await Expect(settings.Status).ToHaveTextAsync(MynaportalTexts.Linked);
        return settings;
    }

    protected static async Task AssertNoSessionAsync(IPage page)
    {
        var cookies = await page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name == "__Host-mypage-session");
    }

    protected Task<string?> LinkedSubjectAsync()
        => App.WithDbAsync(db => db.MynaportalLinks.Where(l => l.SeekerId != null).Join(db.Users.Where(u => u.Email == Email), l => l.SeekerId, u => u.Id, (l, _) => l.Subject).SingleOrDefaultAsync());

    protected Task<DateTimeOffset?> LastLoginAsync()
        => App.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.LastLoginAt).SingleAsync());
}
