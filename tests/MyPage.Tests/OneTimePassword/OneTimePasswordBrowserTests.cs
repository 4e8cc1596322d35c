using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MyPage.Pages.Account;
using MyPage.PasswordReset;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.OneTimePassword;

// 本物のブラウザと本物の SMTP で: S1 → ワンタイムパスワード入力 → メール → 「送信」 → ホーム。JavaScript あり・なし
[Trait("Category", "Browser")]
public class OneTimePasswordBrowserTests(OneTimePasswordSite site) : OneTimePasswordTest(site), IClassFixture<OneTimePasswordSite>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Can_log_in_with_the_mailed_code_skip_it_next_time_and_need_it_again_after_a_reset(bool javaScript)
    {
        var page = await browser.OpenAsync(app, javaScript);
        var login = new LoginPage(page);
        var otp = new OneTimePasswordPage(page);

        await login.GotoAsync();
        await login.SubmitAsync(Email, Password);
        await otp.ExpectShownAsync();
        await Expect(page.GetByText(OneTimePasswordTexts.Sent(Email))).ToBeVisibleAsync();
        await Expect(otp.Code).ToHaveAttributeAsync("autocomplete", "one-time-code");
        await Expect(otp.Code).ToHaveAttributeAsync("inputmode", "numeric");

        // 誤りはエラーのまとめにフォーカスが移って読まれ、入れたコードは残らない
        var code = await OneTimePasswordPage.MailedCodeAsync(app, Email);
        await otp.SubmitAsync(code == "000000" ? "111111" : "000000");
        await otp.ExpectErrorAsync(OneTimePasswordTexts.Wrong(4, locks: true));
        await Expect(otp.Code).ToHaveValueAsync("");

        await otp.SubmitAsync(code, trust: true);
        await login.ExpectHomeAsync();

        // 「省略する」を選んだブラウザでは、次のログインでコードを求めない
        await login.LogOutAsync();
        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
        Assert.Single(app.Smtp.For(Email, MyPage.OneTimePassword.OneTimePasswordMails.Subject));

        // パスワードを再登録すると、どのブラウザでも省略しない
        await login.LogOutAsync();
        var forgot = new ForgotPasswordPage(page);
        await forgot.GotoAsync();
        await forgot.SubmitAsync(Email);
        var reset = new ResetPasswordPage(page);
        await reset.ExpectOpenAsync();
        var key = Mails.Key(await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject));
        await reset.SubmitAsync("Newer-pass-2", "Newer-pass-2", key);
        await reset.ExpectDoneAsync();

        await login.GotoAsync();
        await login.SubmitAsync(Email, "Newer-pass-2");
        await otp.ExpectShownAsync();
        await otp.SubmitAsync(await OneTimePasswordPage.MailedCodeAsync(app, Email, 2));
        await login.ExpectHomeAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Can_ask_for_a_new_code_and_is_told_so(bool javaScript)
    {
        var page = await browser.OpenAsync(app, javaScript);
        var login = new LoginPage(page);
        var otp = new OneTimePasswordPage(page);
        await login.GotoAsync();
        await login.SubmitAsync(Email, Password);
        await otp.ExpectShownAsync();
        await OneTimePasswordPage.MailedCodeAsync(app, Email);
        var expires = MyPage.Time.JapanTime.Format(app.Time.GetUtcNow() + Lifetime);

        app.Time.Advance(TimeSpan.FromMinutes(3));
        await otp.ResendAsync();
        await Expect(otp.Status).ToBeFocusedAsync();
        await Expect(otp.Status).ToHaveTextAsync(OneTimePasswordTexts.Resent);
        // 有効期限は最初のコードのまま延びない（再送でログインを生かし続けられない）。時刻で示す（秒読みはしない）
        await Expect(page.GetByText(OneTimePasswordTexts.ValidUntil(expires))).ToBeVisibleAsync();
        Assert.Contains($"{expires} まで有効", (await app.Smtp.WaitForAsync(Email, MyPage.OneTimePassword.OneTimePasswordMails.Subject, 2)).TextBody);
        await otp.SubmitAsync(await OneTimePasswordPage.MailedCodeAsync(app, Email, 2));
        await login.ExpectHomeAsync();
    }

    [Fact]
    public async Task A_voided_code_sends_the_seeker_back_to_the_login_screen()
    {
        var page = await browser.OpenAsync(app);
        var login = new LoginPage(page);
        var otp = new OneTimePasswordPage(page);
        await login.GotoAsync();
        await login.SubmitAsync(Email, Password);
        await otp.ExpectShownAsync();
        var code = await OneTimePasswordPage.MailedCodeAsync(app, Email);

        app.Time.Advance(Lifetime);
        await otp.SubmitAsync(code);
        await otp.ExpectErrorAsync(OneTimePasswordTexts.Expired(MyPage.Time.JapanTime.Format(app.Time.GetUtcNow())));
        await page.GetByRole(AriaRole.Link, new() { Name = OneTimePasswordTexts.BackToLogin }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
    }
}
