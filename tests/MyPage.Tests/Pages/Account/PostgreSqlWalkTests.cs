using Microsoft.Playwright;
using MyPage.Pages.Account;
using MyPage.PasswordReset;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages.Account;

// PostgreSQL の上で、ブラウザがマニュアルの手順を一通り: ログインの失敗 → パスワード再登録 → 新しいパスワードと
// ワンタイムパスワードでホームへ（ロック、認証キー、ワンタイムパスワードの予約の SQL を PostgreSQL で通す）
[Trait("Category", "Browser")]
[Trait("Category", "PostgreSQL")]
public class PostgreSqlWalkTests(PostgreSqlWalkTests.Site site) : SeekerTest(site), IClassFixture<PostgreSqlWalkTests.Site>
{
    public sealed class Site() : SiteFixture(new Dictionary<string, string?> { ["MyPage:Login:OneTimePassword:Enabled"] = "true" }, Store.PostgreSql);

    [Fact]
    public async Task Can_log_in_reset_the_password_and_reach_home_on_postgresql()
    {
        var page = await browser.OpenAsync(app);
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SubmitAsync(Email, "Wrong-pass-1");
        await login.ExpectErrorAsync(LoginTexts.Failed);

        await page.GetByRole(AriaRole.Link, new() { Name = LoginTexts.ForgotPassword }).ClickAsync();
        await new ForgotPasswordPage(page).SubmitAsync(Email);
        var reset = new ResetPasswordPage(page);
        await reset.ExpectOpenAsync();
        var key = Mails.Key(await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject));
        await reset.SubmitAsync("New-pass-2026", "New-pass-2026", key);
        await reset.ExpectDoneAsync();

        await login.GotoAsync();
        await login.SubmitAsync(Email, "New-pass-2026");
        var otp = new OneTimePasswordPage(page);
        await otp.ExpectShownAsync();
        await otp.SubmitAsync(await OneTimePasswordPage.MailedCodeAsync(app, Email), trust: true);
        await login.ExpectHomeAsync();
    }
}
