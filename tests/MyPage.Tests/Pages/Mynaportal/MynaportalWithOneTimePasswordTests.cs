using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MyPage.OneTimePassword;
using MyPage.Pages.Mynaportal;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;
using static MyPage.Tests.Pages.Mynaportal.MockMynaportalPage;

namespace MyPage.Tests.Pages.Mynaportal;

// ワンタイムパスワードを使うサイトでも、マイナポータルからのシングルサインオンはコードを求めない
// （マイナンバーカードがより強い二つ目の要素）。S6 からの ID・パスワードのログインは、コードのあとで連携する。
[Trait("Category", "Browser")]
public class MynaportalWithOneTimePasswordTests(MynaportalWithOneTimePasswordFixture fixture) : MynaportalTest(fixture), IClassFixture<MynaportalWithOneTimePasswordFixture>
{
    [Fact]
    public async Task Single_sign_on_goes_straight_home_without_a_code()
    {
        var page = await browser.OpenAsync(App);
        var login = new LoginPage(page);
        var otp = new OneTimePasswordPage(page);
        await login.GotoAsync();
        await login.SubmitAsync(Email, Password);
        await otp.SubmitAsync(await OneTimePasswordPage.MailedCodeAsync(App, Email));
        await login.ExpectHomeAsync();
        var settings = new MyPage.Tests.Pages.Settings.SettingsPage(page);
        await settings.GotoAsync();
        await settings.StartLinkingAsync(Password);
        await Mock(page).LogInIfAskedAsync(Taro);
        await Expect(settings.Status).ToHaveTextAsync(MynaportalTexts.Linked);
        await login.LogOutAsync();

        await Mock(page).SignInFromMottoAsync();
        await login.ExpectHomeAsync();
        Assert.Equal(1, await App.WithDbAsync(db => db.PendingLogins.CountAsync(p => p.SeekerId == SeekerId)));
        Assert.Single(App.Smtp.For(Email, OneTimePasswordMails.Subject));
        Assert.Equal("mynaportal", await App.WithDbAsync(db => db.LoginRecords.Where(r => r.SeekerId == SeekerId).OrderByDescending(r => r.Id).Select(r => r.Method).FirstAsync()));
    }

    [Fact]
    public async Task Linking_from_the_mismatch_screen_happens_after_the_code()
    {
        var page = await browser.OpenAsync(App);
        await Mock(page).SignInFromMottoAsync(Hanako);
        await page.GetByRole(AriaRole.Link, new() { Name = MynaportalTexts.StartLinking }).ClickAsync();
        var login = new LoginPage(page);
        await login.SubmitAsync(Email, Password);
        var otp = new OneTimePasswordPage(page);
        await otp.ExpectShownAsync();
        Assert.Equal(0, await App.WithDbAsync(db => db.MynaportalLinks.CountAsync()));

        await otp.SubmitAsync(await OneTimePasswordPage.MailedCodeAsync(App, Email));
        Assert.Equal(0, await App.WithDbAsync(db => db.MynaportalLinks.CountAsync()));
        await AnswerLinkAsync(page, Hanako);
        Assert.Equal("mynaportal-hanako", await App.WithDbAsync(db => db.MynaportalLinks.Select(l => l.Subject).SingleAsync()));
    }
}
