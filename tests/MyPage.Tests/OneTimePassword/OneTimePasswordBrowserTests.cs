using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MyPage.Pages.Account;
using MyPage.Pages.Shared;
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

    // どのメールのコードでもない、誤りのコード（前のコードは「使えなくなりました」と別の文になる）の候補
    private static readonly string[] Candidates = ["000000", "111111", "222222"];

    // スクリーンリーダーが聞かせること: 誤りとロック（コードのせいだと言う）はフォーカスで一度だけ、再送の知らせも一度だけ
    [Fact]
    public async Task A_screen_reader_hears_a_wrong_code_a_resend_and_the_lockout_once_each()
    {
        var page = await browser.OpenAsync(app, width: 360);
        var login = new LoginPage(page);
        var otp = new OneTimePasswordPage(page);
        await login.GotoAsync();
        await login.SubmitAsync(Email, Password);
        await otp.ExpectShownAsync();
        var lockedAt = app.Time.GetUtcNow();
        var first = await OneTimePasswordPage.MailedCodeAsync(app, Email);
        await using var transcript = await ScreenReaderTranscript.StartAsync(page);
        var submit = page.GetByRole(AriaRole.Button, new() { Name = OneTimePasswordTexts.Submit, Exact = true });

        async Task<IReadOnlyList<string>> WrongAsync(string wrong)
        {
            await otp.Code.FillAsync(wrong);
            await transcript.PressAsync(submit);
            await Expect(page.Locator("#error-summary, #lockout")).ToBeFocusedAsync();
            return await transcript.HearAsync();
        }

        var wrong = Candidates.First(c => c != first);
        Assert.Equal([$"polite: {FormTexts.Sending}", $"focus group: 入力内容をご確認ください | {OneTimePasswordTexts.Wrong(4, locks: true)}"], await WrongAsync(wrong));

        await transcript.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = OneTimePasswordTexts.Resend }));
        await Expect(otp.Status).ToBeFocusedAsync();
        Assert.Equal([$"polite: {FormTexts.Sending}", $"focus paragraph: {OneTimePasswordTexts.Resent}"], await transcript.HearAsync());
        var second = await OneTimePasswordPage.MailedCodeAsync(app, Email, 2);

        wrong = Candidates.First(c => c != first && c != second);
        for (var left = 3; left > 0; left--)
            Assert.Equal([$"polite: {FormTexts.Sending}", $"focus group: 入力内容をご確認ください | {OneTimePasswordTexts.Wrong(left, locks: true)}"], await WrongAsync(wrong));
        var retry = LoginTexts.RetryFrom(MyPage.Time.JapanTime.Format(lockedAt.AddMinutes(30)));
        Assert.Equal([$"polite: {FormTexts.Sending}", $"focus group: {LoginTexts.LockedHeading} | {LoginTexts.Lockout} {LoginTexts.LockedByCodes} {retry}"], await WrongAsync(wrong));
        await Browser.ScreenshotAsync(page, "otp-locked-by-codes-360");
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
