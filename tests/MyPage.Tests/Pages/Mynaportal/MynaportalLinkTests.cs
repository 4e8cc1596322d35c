using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MyPage.Mynaportal;
using MyPage.Pages.Account;
using MyPage.Pages.Mynaportal;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using MyPage.Tests.Pages.Register;
using MyPage.Tests.Pages.Settings;
using static Microsoft.Playwright.Assertions;
using static MyPage.Tests.Pages.Mynaportal.MockMynaportalPage;

namespace MyPage.Tests.Pages.Mynaportal;

// 3.4「マイナポータルとつなげる」と S6「属性連携不整合確認」: 連携、解除、断る場合
[Trait("Category", "Browser")]
public class MynaportalLinkTests(MynaportalFixture fixture) : MynaportalTest(fixture), IClassFixture<MynaportalFixture>
{
    // S6 →「マイナポータル連携開始」→ ログイン →「連携する」→ ホームの「連携しました」。JavaScript あり・なし
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Can_link_from_the_mismatch_screen_with_id_and_password_and_then_go_straight_in(bool javaScript)
    {
        var page = await browser.OpenAsync(App, javaScript, width: 360);
        await Mock(page).SignInFromMottoAsync(Hanako);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = MynaportalTexts.UnlinkedTitle, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText(MynaportalTexts.NotFound)).ToBeVisibleAsync();
        await Expect(page.GetByText(MynaportalTexts.NoAccount)).ToBeVisibleAsync();
        await AssertNoSessionAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = MynaportalTexts.StartLinking }).ClickAsync();

        await Expect(page.GetByText(MynaportalTexts.LinkOnLogin)).ToBeVisibleAsync();
        // 連携の途中の S1 は、「先にログインして設定から連携」とは言わない
        await Expect(page.GetByText(LoginTexts.MynaportalFirst)).ToHaveCountAsync(0);
        var login = new LoginPage(page);
        await login.SubmitAsync(Email, Password);
        // ログインしただけでは連携しない。名前を見て本人が選ぶ
        Assert.Null(await LinkedSubjectAsync());
        await AnswerLinkAsync(page, Hanako);
        Assert.Equal("mynaportal-hanako", await LinkedSubjectAsync());
        await Browser.ScreenshotAsync(page, $"home-linked-from-s6-{(javaScript ? "js" : "nojs")}-360");

        await login.LogOutAsync();
        await Mock(page).SignInFromMottoAsync();
        await login.ExpectHomeAsync();
    }

    [Fact]
    public async Task Can_say_no_to_a_mynaportal_sign_in_left_on_this_computer()
    {
        // 共用のパソコン: 前の人がマイナポータルから来て「属性連携不整合確認」のまま離れた
        var page = await browser.OpenAsync(App);
        await Mock(page).SignInFromMottoAsync(Hanako);
        await page.GetByRole(AriaRole.Link, new() { Name = MynaportalTexts.StartLinking }).ClickAsync();

        // 次の人がログインすると、名前を見せて確かめる。「連携しない」なら何もつながらない
        await new LoginPage(page).SubmitAsync(Email, Password);
        await AnswerLinkAsync(page, Hanako, link: false);
        Assert.Null(await LinkedSubjectAsync());
        await page.GotoAsync("/Mynaportal/Confirm");
        await Expect(page.Locator("#status")).ToHaveTextAsync(MynaportalTexts.ConfirmGone);
    }

    [Fact]
    public async Task Cannot_be_offered_a_mynaportal_sign_in_older_than_five_minutes()
    {
        var page = await browser.OpenAsync(App);
        await Mock(page).SignInFromMottoAsync(Hanako);
        App.Time.Advance(MynaportalSignIn.PendingLifetime);

        var login = new LoginPage(page);
        await page.GotoAsync("/Account/Login?link=mynaportal");
        await Expect(page.GetByText(MynaportalTexts.LinkOnLogin)).ToHaveCountAsync(0);
        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
        Assert.Null(await LinkedSubjectAsync());
    }

    [Fact]
    public async Task Can_unlink_and_then_single_sign_on_shows_the_mismatch_screen()
    {
        var page = await browser.OpenAsync(App);
        var settings = await LinkAsync(page, Taro);
        await settings.UnlinkAsync(Password);
        await Expect(settings.Status).ToHaveTextAsync(MynaportalTexts.UnlinkedDone);
        await settings.ExpectNotLinkedAsync();
        await App.Smtp.WaitForAsync(Email, MynaportalMails.UnlinkedSubject);
        Assert.Null(await LinkedSubjectAsync());

        await new LoginPage(page).LogOutAsync();
        await Mock(page).SignInFromMottoAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = MynaportalTexts.UnlinkedTitle })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Cannot_link_a_subject_already_linked_to_another_seeker()
    {
        var other = await App.CreateSeekerAsync("other-" + Email, Password, null);
        await App.WithDbAsync(async db =>
        {
            db.MynaportalLinks.Add(new() { SeekerId = other.Id, Issuer = sites.MockUrl.ToString().TrimEnd('/'), Subject = "mynaportal-taro", LinkedAt = DateTimeOffset.FromUnixTimeMilliseconds(1) });
            return await db.SaveChangesAsync();
        });

        var page = await browser.OpenAsync(App);
        var settings = await LinkAsync(page, Taro, expectLinked: false);
        await Expect(settings.ErrorSummary).ToContainTextAsync(MynaportalTexts.SubjectTaken);
        await settings.ExpectNotLinkedAsync();
        Assert.Null(await LinkedSubjectAsync());
        Assert.Equal(other.Id, await App.WithDbAsync(db => db.MynaportalLinks.Select(l => l.SeekerId).SingleAsync()));
    }

    [Fact]
    public async Task Cannot_link_a_second_subject_to_the_same_seeker()
    {
        var page = await browser.OpenAsync(App);
        await LinkAsync(page, Taro);
        await new LoginPage(page).LogOutAsync();

        // 別の利用者としてマイナポータルから → 不整合 → 同じ求職者でログイン: 連携は変わらない
        var fresh = await browser.OpenAsync(App);
        await Mock(fresh).SignInFromMottoAsync(Hanako);
        await fresh.GetByRole(AriaRole.Link, new() { Name = MynaportalTexts.StartLinking }).ClickAsync();
        var login = new LoginPage(fresh);
        await login.SubmitAsync(Email, Password);
        await fresh.GetByRole(AriaRole.Button, new() { Name = MynaportalTexts.ConfirmLink, Exact = true }).ClickAsync();
        await Expect(new SettingsPage(fresh).ErrorSummary).ToContainTextAsync(MynaportalTexts.AlreadyLinked);
        Assert.Equal("mynaportal-taro", await LinkedSubjectAsync());
    }

    [Fact]
    public async Task Can_see_the_mismatch_screen_after_withdrawing_and_open_a_new_account()
    {
        var page = await browser.OpenAsync(App);
        await LinkAsync(page, Taro);
        var withdraw = new Settings.WithdrawPage(page);
        await withdraw.GotoAsync();
        await withdraw.SubmitAsync(Password);
        await withdraw.ExpectWithdrawnAsync();

        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SubmitAsync(Email, Password);
        await login.ExpectErrorAsync(LoginTexts.Failed);

        await Mock(page).SignInFromMottoAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = MynaportalTexts.UnlinkedTitle })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = MyPage.Pages.Register.RegisterTexts.Open }).ClickAsync();
        var register = new RegisterPage(page);
        await register.SubmitAsync(Email);
        await register.ExpectSentAsync();
        await App.Smtp.WaitForAsync(Email, MyPage.Registration.RegistrationMails.ProvisionalSubject);
    }

    [Fact]
    public async Task Can_use_the_mismatch_screen_and_settings_without_axe_violations()
    {
        var page = await browser.OpenAsync(App, width: 360);
        await Mock(page).SignInFromMottoAsync(Hanako);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = MynaportalTexts.UnlinkedTitle })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "mynaportal-unlinked-360");
        await Axe.AssertNoViolationsAsync(page);

        var desk = await browser.OpenAsync(App, width: 1280);
        await new LoginPage(desk).LogInAsync(Email, Password);
        var settings = new SettingsPage(desk);
        await settings.GotoAsync();
        await Browser.ScreenshotAsync(desk, "settings-unlinked-1280");
        await Axe.AssertNoViolationsAsync(desk);
        await settings.StartLinkingAsync(Password);
        await Mock(desk).LogInIfAskedAsync(Taro);
        await settings.ExpectLinkedAsync();
        await Browser.ScreenshotAsync(desk, "settings-linked-1280");
        await Axe.AssertNoViolationsAsync(desk);
    }
}
