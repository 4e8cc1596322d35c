using Microsoft.Playwright;
using MyPage.Pages.Register;
using MyPage.Registration;
using MyPage.Staff;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Register;

// 開設の手順を実際のブラウザで: S0 → 開設 → 同意 → メール → 本登録 → ログイン → ホーム（未確認）→ 窓口での確認
public class RegisterBrowserTests : IAsyncLifetime
{
    private readonly MyPageApp app = new();
    private const string Email = "new@example.jp";
    private const string Password = "Open-pass-2026";

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Can_open_an_account_log_in_and_be_confirmed_at_the_counter(bool javaScript)
    {
        var page = await Browser.OpenAsync(app, javaScript);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = RegisterTexts.Open, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = RegisterTexts.ProvisionalTitle })).ToBeVisibleAsync();

        await page.GetByLabel(RegisterTexts.EmailLabel).FillAsync(Email);
        await page.GetByRole(AriaRole.Button, new() { Name = RegisterTexts.SendButton }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync(RegisterTexts.TermsRequired);
        await Expect(page.GetByLabel(RegisterTexts.EmailLabel)).ToHaveValueAsync(Email);

        await page.GetByLabel(RegisterTexts.TermsLabel).CheckAsync();
        await page.GetByLabel(RegisterTexts.PrivacyLabel).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = RegisterTexts.SendButton }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = RegisterTexts.SentTitle })).ToBeVisibleAsync();

        var url = Mails.RegisterUrl(await app.Smtp.WaitForAsync(Email, RegistrationMails.ProvisionalSubject));
        await page.GotoAsync(url);
        await Expect(page.Locator("#register-id")).ToHaveTextAsync(Email);
        await FillDetailsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = RegisterTexts.RegisterButton }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = RegisterTexts.DoneTitle })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "求職者マイページログインへ" }).ClickAsync();
        var login = new LoginPage(page);
        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
        await Expect(page.Locator("#online-registrant")).ToContainTextAsync("オンライン登録者");

        var output = new StringWriter();
        Assert.Equal(0, await StaffCommand.RunAsync(["confirm-seeker", "--email", Email, "--seeker-number", "70000-1212121", "--office", "飯田橋公共職業安定所"], app.Services, output, new StringWriter()));
        await page.ReloadAsync();
        await Expect(page.Locator("#seeker-number")).ToHaveTextAsync("70000-1212121");
        await Expect(page.Locator("#online-registrant")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Can_use_every_opening_and_withdrawal_screen_without_axe_violations()
    {
        foreach (var width in new[] { 360, 1280 })
        {
            var page = await Browser.OpenAsync(app, width: width);
            foreach (var (path, name) in new[] { ("/Register", "register"), ("/Terms", "terms"), ("/Privacy", "privacy"), ("/Register/Sent", "register-sent"), ("/Register/Done", "register-done"), ("/Register/Complete?token=nothing", "register-link-invalid"), ("/Account/Withdrawn", "withdrawn") })
            {
                await page.GotoAsync(path);
                await Browser.ScreenshotAsync(page, $"{name}-{width}");
                await Axe.AssertNoViolationsAsync(page);
            }

            await page.GotoAsync("/Register");
            await page.GetByRole(AriaRole.Button, new() { Name = RegisterTexts.SendButton }).ClickAsync();
            await Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
            await Browser.ScreenshotAsync(page, $"register-error-{width}");
            await Axe.AssertNoViolationsAsync(page);

            var email = $"axe{width}@example.jp";
            await page.GetByLabel(RegisterTexts.EmailLabel).FillAsync(email);
            await page.GetByLabel(RegisterTexts.TermsLabel).CheckAsync();
            await page.GetByLabel(RegisterTexts.PrivacyLabel).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = RegisterTexts.SendButton }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = RegisterTexts.SentTitle })).ToBeVisibleAsync();
            await page.GotoAsync(Mails.RegisterUrl(await app.Smtp.WaitForAsync(email, RegistrationMails.ProvisionalSubject)));
            await Browser.ScreenshotAsync(page, $"register-complete-{width}");
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = RegisterTexts.RegisterButton }).ClickAsync();
            await Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
            await Browser.ScreenshotAsync(page, $"register-complete-error-{width}");
            await Axe.AssertNoViolationsAsync(page);

            await FillDetailsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = RegisterTexts.RegisterButton }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = RegisterTexts.DoneTitle })).ToBeVisibleAsync();

            await page.GotoAsync("/Account/Login");
            var login = new LoginPage(page);
            await login.SubmitAsync(email, Password);
            await login.ExpectHomeAsync();
            await Browser.ScreenshotAsync(page, $"home-online-registrant-{width}");
            await Axe.AssertNoViolationsAsync(page);

            await page.GotoAsync("/Settings/Withdraw");
            await Axe.AssertNoViolationsAsync(page);
            await page.GetByLabel("パスワード").FillAsync("Wrong-pass-1");
            await page.GetByRole(AriaRole.Button, new() { Name = "退会する" }).ClickAsync();
            await Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
            await Browser.ScreenshotAsync(page, $"withdraw-error-{width}");
            await Axe.AssertNoViolationsAsync(page);
        }
    }

    private static async Task FillDetailsAsync(IPage page)
    {
        await page.GetByLabel(RegisterTexts.PasswordLabel + "※必須", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel(RegisterTexts.ConfirmLabel + "※必須", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("氏名（姓）").FillAsync("厚生");
        await page.GetByLabel("氏名（名）").FillAsync("花子");
        await page.GetByLabel("フリガナ（セイ）").FillAsync("こうせい");
        await page.GetByLabel("フリガナ（メイ）").FillAsync("はなこ");
        await page.GetByLabel("年", new() { Exact = true }).FillAsync("1988");
        await page.GetByLabel("月", new() { Exact = true }).FillAsync("12");
        await page.GetByLabel("日", new() { Exact = true }).FillAsync("３");
        await page.GetByLabel("郵便番号").FillAsync("１０２８３０６");
        await page.GetByLabel("都道府県").SelectOptionAsync("東京都");
        await page.GetByLabel("電話番号").FillAsync("090-1234-5678");
    }
}
