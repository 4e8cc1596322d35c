using Microsoft.Playwright;
using MyPage.Pages.Account;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.OneTimePassword;

// 「ワンタイムパスワード入力」のすべての状態で axe の違反ゼロ（360px と PC 幅）
[Trait("Category", "Browser")]
public class OneTimePasswordAccessibilityTests(OneTimePasswordSite site) : OneTimePasswordTest(site), IClassFixture<OneTimePasswordSite>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Has_no_axe_violations_in_any_state(int width)
    {
        var page = await browser.OpenAsync(app, width: width);
        var login = new LoginPage(page);
        var otp = new OneTimePasswordPage(page);

        // 開いたところ
        await login.GotoAsync();
        await login.SubmitAsync(Email, Password);
        await otp.ExpectShownAsync();
        var code = await OneTimePasswordPage.MailedCodeAsync(app, Email);
        await Browser.ScreenshotAsync(page, $"otp-{width}");
        await Axe.AssertNoViolationsAsync(page);

        // 誤り
        var wrong = code == "000000" ? "111111" : "000000";
        await otp.SubmitAsync(wrong);
        await otp.ExpectErrorAsync(OneTimePasswordTexts.Wrong(4, locks: true));
        await Browser.ScreenshotAsync(page, $"otp-error-{width}");
        await Axe.AssertNoViolationsAsync(page);

        // 再送した
        await otp.ResendAsync();
        await Expect(otp.Status).ToHaveTextAsync(OneTimePasswordTexts.Resent);
        await Axe.AssertNoViolationsAsync(page);

        // ロック（誤りが続いた）
        for (var remaining = 3; remaining > 0; remaining--)
        {
            await otp.SubmitAsync(wrong);
            await otp.ExpectErrorAsync(OneTimePasswordTexts.Wrong(remaining, locks: true));
        }
        await otp.SubmitAsync(wrong);
        await Expect(page.Locator("#lockout")).ToBeFocusedAsync();
        await Expect(page.Locator("#lockout")).ToContainTextAsync(LoginTexts.LockedByCodes);
        await Browser.ScreenshotAsync(page, $"otp-locked-{width}");
        await Axe.AssertNoViolationsAsync(page);

        // 待っているログインがない（S1 からやり直す）
        await page.GotoAsync("/Account/OneTimePassword");
        await otp.ExpectErrorAsync(OneTimePasswordTexts.StartOver);
        await Axe.AssertNoViolationsAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = OneTimePasswordTexts.BackToLogin })).ToBeVisibleAsync();
    }
}
