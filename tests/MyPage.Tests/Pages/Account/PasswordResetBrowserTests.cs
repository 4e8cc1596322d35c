using Microsoft.Playwright;
using MyPage.Pages.Account;
using MyPage.PasswordReset;
using MyPage.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Account;

// マニュアルの「パスワードを忘れた場合」の手順を、実際のブラウザで JavaScript あり・なしの両方で
[Trait("Category", "Browser")]
public class PasswordResetBrowserTests(SiteFixture site) : SeekerTest(site), IClassFixture<SiteFixture>
{
    private const string NewPassword = "New-pass-2026";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Can_reset_a_forgotten_password_and_log_in_with_it(bool javaScript)
    {
        var page = await browser.OpenAsync(app, javaScript);
        var login = new LoginPage(page);
        await login.GotoAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = LoginTexts.ForgotPassword }).ClickAsync();

        // S2
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex($"^{PasswordResetTexts.RequestTitle} "));
        await Expect(page.GetByText("system@mail.hellowork.mhlw.go.jp")).ToBeVisibleAsync();
        await new ForgotPasswordPage(page).SubmitAsync(Email);

        // S3: メールの認証キーで
        var reset = new ResetPasswordPage(page);
        await reset.ExpectOpenAsync();
        var key = Mails.Key(await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject));

        await reset.SubmitAsync(NewPassword, "Different-1", key);
        await reset.ExpectErrorAsync(PasswordResetTexts.ConfirmMismatch);
        await Expect(reset.Key).ToHaveValueAsync(key);

        await reset.SubmitAsync(NewPassword, NewPassword, key);

        // S4 → S1
        await reset.ExpectDoneAsync();
        await Expect(page.GetByText(PasswordResetTexts.Done)).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "求職者マイページログインへ" }).ClickAsync();

        await login.SubmitAsync(Email, Password);
        await login.ExpectErrorAsync(LoginTexts.Failed);
        await login.SubmitAsync(Email, NewPassword);
        await login.ExpectHomeAsync();
    }

    [Fact]
    public async Task Can_cancel_back_to_login()
    {
        var page = await browser.OpenAsync(app);
        var forgot = new ForgotPasswordPage(page);
        await forgot.GotoAsync();
        await forgot.CancelAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = LoginTexts.Title })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Can_use_s2_s3_and_s4_with_and_without_errors_without_axe_violations()
    {
        foreach (var width in new[] { 360, 1280 })
        {
            var page = await browser.OpenAsync(app, width: width);
            var forgot = new ForgotPasswordPage(page);
            await forgot.GotoAsync();
            await Browser.ScreenshotAsync(page, $"forgot-password-{width}");
            await Axe.AssertNoViolationsAsync(page);

            await forgot.SubmitAsync("");
            await Expect(forgot.ErrorSummary).ToBeFocusedAsync();
            await Browser.ScreenshotAsync(page, $"forgot-password-error-{width}");
            await Axe.AssertNoViolationsAsync(page);

            await forgot.SubmitAsync(Email);
            var reset = new ResetPasswordPage(page);
            await reset.ExpectOpenAsync();
            await Browser.ScreenshotAsync(page, $"reset-password-{width}");
            await Axe.AssertNoViolationsAsync(page);

            await reset.SubmitAsync("short", "", "12");
            await reset.ExpectErrorAsync(MyPage.Account.PasswordRule.Length);
            await Browser.ScreenshotAsync(page, $"reset-password-error-{width}");
            await Axe.AssertNoViolationsAsync(page);

            var key = Mails.Key(await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject, width == 360 ? 1 : 2));
            await reset.SubmitAsync(NewPassword + width, NewPassword + width, key);
            await reset.ExpectDoneAsync();
            await Browser.ScreenshotAsync(page, $"reset-done-{width}");
            await Axe.AssertNoViolationsAsync(page);
        }
    }

    [Fact]
    public async Task Can_see_start_over_without_axe_violations()
    {
        var page = await browser.OpenAsync(app, width: 360);
        await page.GotoAsync("/Account/ResetPassword");
        await Expect(new ResetPasswordPage(page).ErrorSummary).ToContainTextAsync(PasswordResetTexts.StartOver);
        await Browser.ScreenshotAsync(page, "reset-start-over-360");
        await Axe.AssertNoViolationsAsync(page);
    }
}
