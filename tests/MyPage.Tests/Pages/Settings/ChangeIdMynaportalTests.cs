using Microsoft.Playwright;
using MyPage.IdChange;
using MyPage.Pages.Account;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using MyPage.Tests.Pages.Mynaportal;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Settings;

// メールボックスをなくした人の戻り道: マイナポータル（本物の OpenID Connect の模擬）から入って、パスワードなしで ID を変える。
// S2 と S7 がその道を案内する
[Trait("Category", "Browser")]
public class ChangeIdMynaportalTests(MynaportalFixture fixture) : MynaportalTest(fixture), IClassFixture<MynaportalFixture>
{
    [Fact]
    public async Task Can_change_the_id_without_the_password_right_after_coming_in_from_motto_tsunagaru()
    {
        var newEmail = "new-" + Email;
        var page = await browser.OpenAsync(App, width: 360);
        await LinkAsync(page, MockMynaportalPage.Taro);
        var login = new LoginPage(page);
        await login.LogOutAsync();
        await Mock(page).SignInFromMottoAsync();
        await login.ExpectHomeAsync();

        var change = new ChangeIdPage(page);
        await change.OpenFromSettingsAsync();
        await Expect(page.Locator("#change-password")).ToHaveCountAsync(0);
        await Expect(page.Locator("#mynaportal-proof")).ToContainTextAsync("マイナポータルからログインして10分以内のため、パスワードの入力は要りません");
        await Axe.AssertNoViolationsAsync(page);

        await change.RequestAsync(newEmail);
        await change.ExpectKeyScreenAsync();
        await change.ConfirmAsync(Mails.Key(await App.Smtp.WaitForAsync(newEmail, IdChangeMails.ConfirmSubject)));
        await change.ExpectChangedAsync(newEmail);

        // 前のアドレスへの通知は、連携しているので、マイナポータルから入って戻す道を言う
        var old = (await App.Smtp.WaitForAsync(Email, IdChangeMails.ChangedSubject)).TextBody;
        Assert.Contains("マイナポータルと連携しています。マイナポータルの「もっとつながる」から", old);
    }

    // S7「ID(メールアドレス)を忘れた場合」と S2 に、一文とマイナポータルへのリンク
    [Theory]
    [InlineData("/Account/ForgotId")]
    [InlineData("/Account/ForgotPassword")]
    public async Task Can_read_on_s2_and_s7_that_a_linked_seeker_can_change_the_id_through_mynaportal(string path)
    {
        var page = await browser.OpenAsync(App, width: 360);
        await page.GotoAsync(path);
        var sentence = page.Locator("#change-id-by-mynaportal");
        await Expect(sentence).ToContainTextAsync(LoginTexts.ChangeIdByMynaportal);
        await Expect(sentence.GetByRole(AriaRole.Link, new() { Name = LoginTexts.MynaportalLink })).ToHaveAttributeAsync("href", sites.MockUrl.ToString());
        await Axe.AssertNoViolationsAsync(page);
    }
}
