using Microsoft.Playwright;
using MyPage.Pages.Register;
using MyPage.Registration;
using MyPage.Staff;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using MyPage.Tests.Pages.Settings;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Register;

// 開設の手順を実際のブラウザで: S0 → 開設 → 同意 → メール → 本登録 → ログイン → ホーム（未確認）→ 窓口での確認
[Trait("Category", "Browser")]
public class RegisterBrowserTests(SiteFixture site) : IAsyncLifetime, IClassFixture<SiteFixture>
{
    private static int next;
    private readonly Browser browser = new();
    private readonly MyPageApp app = site.App;
    private readonly string Email = $"new{Interlocked.Increment(ref next)}@example.jp";
    private readonly string client = TestClient.UseNew();

    // このテストの接続元（開設の数の上限はアドレスごと）
    public string ClientAddress => client;
    private const string Password = "Open-pass-2026";

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await browser.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Can_open_an_account_log_in_and_be_confirmed_at_the_counter(bool javaScript)
    {
        var page = await browser.OpenAsync(app, javaScript);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = RegisterTexts.Open, Exact = true }).ClickAsync();
        var register = new RegisterPage(page);
        await register.ExpectHeadingAsync(RegisterTexts.ProvisionalTitle);

        await register.SubmitAsync(Email, agree: false);
        await register.ExpectErrorAsync(RegisterTexts.TermsRequired);
        await Expect(register.Email).ToHaveValueAsync(Email);

        await register.SubmitAsync(Email);
        await register.ExpectSentAsync();

        var url = Mails.RegisterUrl(await app.Smtp.WaitForAsync(Email, RegistrationMails.ProvisionalSubject));
        await page.GotoAsync(url);
        var complete = new CompletePage(page);
        await Expect(complete.Id).ToHaveTextAsync(Email);
        await complete.FillAsync(Password);
        await complete.SubmitAsync();
        await complete.ExpectDoneAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "求職者マイページログインへ" }).ClickAsync();
        var login = new LoginPage(page);
        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
        await Expect(page.Locator("#online-registrant")).ToContainTextAsync("オンライン登録者");

        var number = $"70001-{Interlocked.Increment(ref next):D7}";
        var output = new StringWriter();
        Assert.Equal(0, await StaffCommand.RunAsync(["confirm-seeker", "--email", Email, "--seeker-number", number, "--office", "飯田橋公共職業安定所"], app.Services, TextReader.Null, output, new StringWriter()));
        await page.ReloadAsync();
        await Expect(page.Locator("#seeker-number")).ToHaveTextAsync(number);
        await Expect(page.Locator("#online-registrant")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Can_use_every_opening_and_withdrawal_screen_without_axe_violations()
    {
        foreach (var width in new[] { 360, 1280 })
        {
            var page = await browser.OpenAsync(app, width: width);
            foreach (var (path, name) in new[] { ("/Register", "register"), ("/Terms", "terms"), ("/Privacy", "privacy"), ("/Register/Sent", "register-sent"), ("/Register/Done", "register-done"), ("/Register/Complete?token=nothing", "register-link-invalid"), ("/Account/Withdrawn", "withdrawn") })
            {
                await page.GotoAsync(path);
                await Browser.ScreenshotAsync(page, $"{name}-{width}");
                await Axe.AssertNoViolationsAsync(page);
            }

            var register = new RegisterPage(page);
            await register.GotoAsync();
            await register.SubmitAsync("", agree: false);
            await Expect(register.ErrorSummary).ToBeFocusedAsync();
            await Browser.ScreenshotAsync(page, $"register-error-{width}");
            await Axe.AssertNoViolationsAsync(page);

            var email = $"axe{width}-{Email}";
            await register.SubmitAsync(email);
            await register.ExpectSentAsync();
            var link = Mails.RegisterUrl(await app.Smtp.WaitForAsync(email, RegistrationMails.ProvisionalSubject));
            await page.GotoAsync(link);
            await Browser.ScreenshotAsync(page, $"register-complete-{width}");
            await Axe.AssertNoViolationsAsync(page);

            var complete = new CompletePage(page);
            // 生年月日は、月と日の二つが誤り（二つとも言う）
            await page.GetByLabel("年", new() { Exact = true }).FillAsync("1990");
            await page.GetByLabel("月", new() { Exact = true }).FillAsync("13");
            await page.GetByLabel("日", new() { Exact = true }).FillAsync("32");
            await complete.SubmitAsync();
            await Expect(complete.ErrorSummary).ToBeFocusedAsync();
            await Expect(page.Locator("#birth-error p")).ToHaveCountAsync(2);
            await Browser.ScreenshotAsync(page, $"register-complete-error-{width}");
            await Axe.AssertNoViolationsAsync(page);

            await complete.FillAsync(Password);
            await complete.SubmitAsync();
            await complete.ExpectDoneAsync();

            // 使い終わったメールの URL を開き直す: 開設済みと、ログインへの道
            await page.GotoAsync(link);
            await Expect(page.Locator("#already-open")).ToHaveTextAsync(RegisterTexts.AlreadyOpen);
            await Browser.ScreenshotAsync(page, $"register-already-open-{width}");
            await Axe.AssertNoViolationsAsync(page);

            await new LoginPage(page).LogInAsync(email, Password);
            await Browser.ScreenshotAsync(page, $"home-online-registrant-{width}");
            await Axe.AssertNoViolationsAsync(page);

            var withdraw = new WithdrawPage(page);
            await withdraw.GotoAsync();
            await Axe.AssertNoViolationsAsync(page);
            await withdraw.SubmitAsync("Wrong-pass-1");
            await Expect(withdraw.ErrorSummary).ToBeFocusedAsync();
            await Browser.ScreenshotAsync(page, $"withdraw-error-{width}");
            await Axe.AssertNoViolationsAsync(page);
        }
    }
}
