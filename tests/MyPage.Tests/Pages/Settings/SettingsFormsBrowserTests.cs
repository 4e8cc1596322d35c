using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MyPage.Pages.Account;
using MyPage.Pages.Settings;
using MyPage.Pages.Shared;
using MyPage.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Settings;

// 設定のフォーム（退会、他の端末からのログアウト）もアカウントのフォームと同じ形: JavaScript ありなら htmx でフォームだけを
// 差し替え（画面は読み直さない）、なしなら普通の POST。どちらもエラーのまとめにフォーカスが移り、title は「エラー：」から
public class SettingsFormsBrowserTests(SiteFixture site) : SeekerTest(site), IClassFixture<SiteFixture>
{
    // 画面の読み込み（フレームの移動）を数える: htmx の差し替えでは増えない
    private static Func<int> CountLoads(IPage page)
    {
        var loads = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) loads++; };
        return () => loads;
    }

    private static async Task ExpectRedrawnAsync(IPage page, FormScreen screen, string error, bool javaScript, Func<int> loads, string title)
    {
        await screen.ExpectErrorAsync(error);
        await Expect(page).ToHaveTitleAsync(new Regex($"^{FormTexts.ErrorPrefix}{Regex.Escape(title)} "));
        Assert.Equal(javaScript ? 0 : 1, loads());
        // axe は差し替えたあとの画面で（JavaScript なしの画面は、入口の画面でないのでスタイルを写せない: 同じ HTML は差し替えで確かめる）
        if (javaScript) await Axe.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData(true, 360)]
    [InlineData(false, 1280)]
    public async Task Can_withdraw_after_a_wrong_password_redrew_the_form(bool javaScript, int width)
    {
        var page = await browser.OpenSignedInAsync(app, Email, javaScript, width);
        var withdraw = new WithdrawPage(page);
        await withdraw.GotoAsync();
        var loads = CountLoads(page);

        await withdraw.SubmitAsync("Wrong-pass-1");
        await ExpectRedrawnAsync(page, withdraw, SettingsTexts.WrongPassword, javaScript, loads, SettingsTexts.WithdrawTitle);
        await Browser.ScreenshotAsync(page, $"withdraw-error-{(javaScript ? "swapped" : "posted")}-{width}");

        await withdraw.SubmitAsync(Password);
        await withdraw.ExpectWithdrawnAsync();
    }

    [Theory]
    [InlineData(true, 1280)]
    [InlineData(false, 360)]
    public async Task Can_sign_out_other_devices_after_an_empty_password_redrew_the_form(bool javaScript, int width)
    {
        var page = await browser.OpenSignedInAsync(app, Email, javaScript, width);
        await page.GotoAsync("/Settings/Security");
        var screen = new SecurityScreen(page);
        var loads = CountLoads(page);

        await screen.SignOutOthersAsync("");
        await ExpectRedrawnAsync(page, screen, LoginTexts.PasswordRequired, javaScript, loads, SecurityTexts.Title);
        await Browser.ScreenshotAsync(page, $"signout-error-{(javaScript ? "swapped" : "posted")}-{width}");

        await screen.SignOutOthersAsync(Password);
        await Expect(page.Locator("#status")).ToContainTextAsync(SecurityTexts.SignedOutOthers(0));
    }

    private sealed class SecurityScreen(IPage page) : FormScreen(page)
    {
        public async Task SignOutOthersAsync(string password)
        {
            await Page.Locator("#signout-password").FillAsync(password);
            await ClickAsync(SecurityTexts.SignOutOthers);
        }
    }
}

// 「マイナポータル連携開始」と「連携解除」のフォームも同じ形（JavaScript あり: 差し替え、なし: 普通の POST）
public class LinkFormsBrowserTests(Mynaportal.MynaportalFixture fixture) : Mynaportal.MynaportalTest(fixture), IClassFixture<Mynaportal.MynaportalFixture>
{
    [Theory]
    [InlineData(true, 360)]
    [InlineData(false, 1280)]
    public async Task Can_link_after_a_wrong_password_redrew_the_form(bool javaScript, int width)
    {
        var page = await browser.OpenSignedInAsync(App, Email, javaScript, width);
        var settings = new SettingsPage(page);
        await settings.GotoAsync();
        var loads = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) loads++; };

        await settings.StartLinkingAsync("Wrong-pass-1", expectNavigation: !javaScript);
        await settings.ExpectErrorAsync(SettingsTexts.WrongPassword);
        await Expect(page).ToHaveTitleAsync(new Regex($"^{FormTexts.ErrorPrefix}{SettingsTexts.Title} "));
        Assert.Equal(javaScript ? 0 : 1, loads);
        // axe は差し替えたあとの画面で（JavaScript なしの画面は、入口の画面でないのでスタイルを写せない: 同じ HTML は差し替えで確かめる）
        if (javaScript) await Axe.AssertNoViolationsAsync(page);
        await Browser.ScreenshotAsync(page, $"link-error-{(javaScript ? "swapped" : "posted")}-{width}");

        // 正しいパスワードなら、マイナポータルでログインして（htmx なら HX-Redirect で）、連携して戻る
        await settings.StartLinkingAsync(Password);
        await Mock(page).LogInIfAskedAsync(Taro);
        await Expect(settings.Status).ToHaveTextAsync(MyPage.Pages.Mynaportal.MynaportalTexts.Linked);
    }

    [Theory]
    [InlineData(true, 1280)]
    [InlineData(false, 360)]
    public async Task Can_unlink_after_an_empty_password_redrew_the_form(bool javaScript, int width)
    {
        await App.WithDbAsync(db =>
        {
            db.MynaportalLinks.Add(new() { SeekerId = SeekerId, Issuer = sites.MockUrl.ToString().TrimEnd('/'), Subject = "mynaportal-taro", LinkedAt = DateTimeOffset.FromUnixTimeMilliseconds(1) });
            return db.SaveChangesAsync();
        });
        var page = await browser.OpenSignedInAsync(App, Email, javaScript, width);
        var settings = new SettingsPage(page);
        await settings.GotoAsync();
        var loads = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) loads++; };

        await settings.UnlinkAsync("");
        await settings.ExpectErrorAsync(LoginTexts.PasswordRequired);
        await Expect(page).ToHaveTitleAsync(new Regex($"^{FormTexts.ErrorPrefix}{SettingsTexts.Title} "));
        Assert.Equal(javaScript ? 0 : 1, loads);
        // axe は差し替えたあとの画面で（JavaScript なしの画面は、入口の画面でないのでスタイルを写せない: 同じ HTML は差し替えで確かめる）
        if (javaScript) await Axe.AssertNoViolationsAsync(page);
        await Browser.ScreenshotAsync(page, $"unlink-error-{(javaScript ? "swapped" : "posted")}-{width}");

        await settings.UnlinkAsync(Password);
        await Expect(settings.Status).ToHaveTextAsync(MyPage.Pages.Mynaportal.MynaportalTexts.UnlinkedDone);
        await settings.ExpectNotLinkedAsync();
    }

    private const string Taro = Mynaportal.MockMynaportalPage.Taro;
}
