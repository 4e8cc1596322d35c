using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MyPage.OneTimePassword;
using MyPage.Tests.OneTimePassword;
using MyPage.Pages.Account;
using MyPage.Pages.Settings;
using MyPage.Passkeys;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Passkeys;

// パスキーを本物の Chromium で: 仮想の認証器 (DevTools の WebAuthn) を付けたブラウザが、https://localhost のサイトで
// パスキーを作り、それでログインする。ブラウザのテストは三つだけ（一連の流れ、ロック中のログイン、JavaScript なしと WebAuthn なし）。
// 壊れた答えや上限は HttpClient で (PasskeyTests)
[Trait("Category", "Browser")]
public class PasskeyBrowserTests(PasskeyBrowserTests.Site site) : SeekerTest(site), IClassFixture<PasskeyBrowserTests.Site>
{
    public sealed class Site() : SiteFixture(OneTimePasswordSite.Settings(), localhost: true);

    // 画面の記録 (MYPAGE_SCREENSHOTS=1 のときだけ): 360 px と 1,200 px
    private static async Task ShootAsync(IPage page, string name)
    {
        if (!Browser.KeepsScreenshots) return;
        var size = page.ViewportSize;
        foreach (var width in new[] { 360, 1200 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Browser.ScreenshotAsync(page, $"{name}-{width}");
        }
        if (size is not null) await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    // ID・パスワードと、メールで届いたワンタイムパスワードでログインしてホームまで
    private async Task LogInWithCodeAsync(IPage page, int mailNumber)
    {
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SubmitAsync(Email, Password);
        var code = new OneTimePasswordPage(page);
        await code.ExpectShownAsync();
        await code.SubmitAsync(await OneTimePasswordPage.MailedCodeAsync(app, Email, mailNumber));
        await login.ExpectHomeAsync();
    }

    [Fact]
    public async Task Can_register_a_passkey_log_in_with_it_without_a_code_and_lose_it_when_deleted()
    {
        var page = await browser.OpenAsync(app, fresh: true);
        var authenticator = await VirtualAuthenticator.AddAsync(page);
        var login = new LoginPage(page);

        // 1. ID・パスワードとコードでログイン: ホームがパスキーの登録を一度だけすすめる
        await LogInWithCodeAsync(page, 1);
        var offer = page.Locator("#passkey-offer");
        await Expect(offer).ToContainTextAsync(PasskeyTexts.OfferTitle);
        await Axe.AssertNoViolationsAsync(page);
        await ShootAsync(page, "passkey-offer");
        await Button(page, PasskeyTexts.NotNow).ClickAsync();
        await Expect(page.Locator("#passkey-offer")).ToBeFocusedAsync();
        await Expect(page.Locator("#passkey-offer")).ToHaveTextAsync(PasskeyTexts.Later);
        await Axe.AssertNoViolationsAsync(page);
        await page.ReloadAsync();
        await login.ExpectHomeAsync();
        await Expect(page.Locator("#passkey-offer")).ToHaveCountAsync(0);

        // 2. 「ログインの安全」で、いまのパスワードを入れて「パスキーを登録する」
        await page.GotoAsync("/Settings/Security");
        await Expect(page.Locator("#passkey-unsupported")).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);
        var form = page.Locator("#passkey-form");
        await form.GetByLabel(SettingsTexts.WithdrawPasswordLabel).FillAsync(Password);
        await Button(page, PasskeyTexts.Register).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync(PasskeyTexts.Added);
        var row = page.Locator("#passkey-list tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Chrome（Linux）");
        await Expect(row).ToContainTextAsync(PasskeyTexts.NeverUsed);
        Assert.Equal(1, await authenticator.CredentialCountAsync());
        await Axe.AssertNoViolationsAsync(page);
        await ShootAsync(page, "passkey-registered");

        // 3. ログアウト（ホームから: この画面には「他の端末からログアウトする」もある）、4. 「パスキーでログイン」: コードなしでホームへ
        await page.GotoAsync("/Home");
        await login.LogOutAsync();
        await Expect(Button(page, LoginTexts.PasskeyLogin)).ToBeVisibleAsync();
        await Expect(page.GetByLabel(LoginTexts.IdLabel)).ToHaveAttributeAsync("autocomplete", "username webauthn");
        await Axe.AssertNoViolationsAsync(page);
        await ShootAsync(page, "passkey-login-button");
        await Button(page, LoginTexts.PasskeyLogin).ClickAsync();
        await login.ExpectHomeAsync();
        Assert.Single(app.Smtp.For(Email, OneTimePasswordMails.Subject));

        // 5. ログイン履歴の方法は「パスキー」、一覧には最終利用日時
        await page.GotoAsync("/Settings/Security");
        await Expect(page.Locator("#login-history tbody tr").First.Locator("td").First).ToHaveTextAsync("パスキー");
        await Expect(row).Not.ToContainTextAsync(PasskeyTexts.NeverUsed);

        // ID の欄の自動入力 (conditional mediation): 欄にフォーカスすると、この端末のパスキーが候補に出る（仮想の認証器はすぐに選ぶ）
        await page.GotoAsync("/Home");
        await login.LogOutAsync();
        await login.Id.FocusAsync();
        await login.ExpectHomeAsync();
        Assert.Single(app.Smtp.For(Email, OneTimePasswordMails.Subject));
        await page.GotoAsync("/Settings/Security");

        // 6. 削除: 「削除」ボタンの名前がどのパスキーかを言う。そのあとのパスキーでのログインは、S1 のフォームの知らせで断られる
        var registered = MyPage.Time.JapanTime.Format(app.Time.GetUtcNow());
        var delete = page.GetByRole(AriaRole.Button, new() { Name = PasskeyTexts.DeleteWhich("Chrome（Linux）", registered) });
        await Expect(delete).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex($"^{PasskeyTexts.Delete}"));
        await delete.ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync(PasskeyTexts.Deleted);
        await Expect(page.Locator("#no-passkeys")).ToBeVisibleAsync();
        await page.GotoAsync("/Home");
        await login.LogOutAsync();
        await Button(page, LoginTexts.PasskeyLogin).ClickAsync();
        await login.ExpectErrorAsync(LoginTexts.PasskeyFailed);
        await Axe.AssertNoViolationsAsync(page);
        await ShootAsync(page, "passkey-login-failed");
        // S1 はそのまま使える（ID の欄の自動入力に、端末に残った消したパスキーを選ばせない）
        await authenticator.AnswersAsync(false);
        await login.SubmitAsync(Email, Password);
        await new OneTimePasswordPage(page).ExpectShownAsync();

        // この端末にパスキーがない: ブラウザが断り、フォームの失敗の知らせにフォーカスが移る（サイトには何も送らない）
        await authenticator.ClearAsync();
        await authenticator.AnswersAsync(true);
        await login.GotoAsync();
        await Button(page, LoginTexts.PasskeyLogin).ClickAsync();
        var alert = page.Locator("#login-form .form-alert");
        await Expect(alert).ToBeFocusedAsync();
        await Expect(alert).ToHaveTextAsync(LoginTexts.PasskeyFailed);
        await Axe.AssertNoViolationsAsync(page);

        // 7. お知らせのメール
        var added = await app.Smtp.WaitForAsync(Email, PasskeyMails.RegisteredSubject);
        Assert.Contains("Chrome（Linux）", added.TextBody);
        Assert.Contains("心当たりがない場合", added.TextBody);
        var deleted = await app.Smtp.WaitForAsync(Email, PasskeyMails.DeletedSubject);
        Assert.Contains("Chrome（Linux）", deleted.TextBody);
        Assert.Equal(0, await app.WithDbAsync(db => db.UserPasskeys.CountAsync(p => p.UserId == SeekerId)));
    }

    // ロックはパスワードを当てさせないためのもの: 他人が5回誤っても、パスキーを持つ本人は入れる（パスワードのロックはそのまま）
    [Fact]
    public async Task Can_log_in_with_a_passkey_while_the_password_is_locked()
    {
        var page = await browser.OpenAsync(app, fresh: true);
        var authenticator = await VirtualAuthenticator.AddAsync(page);
        await RegisterInBrowserAsync(page);

        // 他人がパスワードを5回誤る（その間、この端末のパスキーは答えない: 自動入力で入ってしまわないように）
        await authenticator.AnswersAsync(false);
        var login = new LoginPage(page);
        await login.GotoAsync();
        for (var i = 0; i < 5; i++) await login.SubmitAsync(Email, "Wrong-pass-" + i);
        await login.ExpectLockedAsync();
        await authenticator.AnswersAsync(true);
        await Button(page, LoginTexts.PasskeyLogin).ClickAsync();
        await login.ExpectHomeAsync();
        Assert.Contains(LogLines, l => l.StartsWith("ログイン成功（パスキー）", StringComparison.Ordinal));

        // パスワードのロックは残る（パスキーでのログインは、パスワードを確かめていない）
        await page.GotoAsync("/Home");
        await authenticator.AnswersAsync(false);
        await login.LogOutAsync();
        await login.SubmitAsync(Email, Password);
        await login.ExpectLockedAsync();
    }

    // JavaScript なしと、WebAuthn のないブラウザ: S1 にパスキーのボタンはなく、ID の欄も今までどおり。ID・パスワードでログインできる
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Shows_no_passkey_button_without_javascript_or_webauthn_and_logs_in_with_the_password(bool javaScript)
    {
        var page = await browser.OpenAsync(app, javaScript, fresh: true);
        var scripts = new List<string>();
        page.Request += (_, request) => { if (request.Url.Contains("passkeys", StringComparison.Ordinal)) scripts.Add(request.Url); };
        if (javaScript) await page.AddInitScriptAsync("delete window.PublicKeyCredential;");
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.Id.FocusAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = LoginTexts.PasskeyLogin })).ToHaveCountAsync(0);
        await Expect(page.Locator("#passkey-login")).ToHaveCountAsync(0);
        await Expect(login.Id).ToHaveAttributeAsync("autocomplete", "username");
        if (javaScript) await Axe.AssertNoViolationsAsync(page);
        else await Axe.AssertNoViolationsWithoutScriptAsync(page);

        await login.SubmitAsync(Email, Password);
        var code = new OneTimePasswordPage(page);
        await code.ExpectShownAsync();
        await code.SubmitAsync(await OneTimePasswordPage.MailedCodeAsync(app, Email));
        await login.ExpectHomeAsync();
        // WebAuthn のないブラウザには、登録のおすすめも出さない
        await Expect(page.Locator("#passkey-offer")).ToHaveCountAsync(0);
        Assert.Empty(scripts);
    }

    // ログイン済みのブラウザ（サイトのログインの手順で作ったセッション）で、「ログインの安全」からパスキーを登録する
    private async Task RegisterInBrowserAsync(IPage page)
    {
        var cookies = await app.SignInCookiesAsync(Email);
        await page.Context.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = app.BaseUrl.ToString(), Secure = true, HttpOnly = true }));
        await page.GotoAsync("/Settings/Security");
        await page.Locator("#passkey-form").GetByLabel(SettingsTexts.WithdrawPasswordLabel).FillAsync(Password);
        await Button(page, PasskeyTexts.Register).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync(PasskeyTexts.Added);
        await page.GotoAsync("/Home");
        await new LoginPage(page).LogOutAsync();
    }
}
