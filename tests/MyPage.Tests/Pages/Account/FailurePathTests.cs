using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MyPage.Pages.Account;
using MyPage.Pages.Shared;
using MyPage.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Account;

// うまくいかないとき（回線が切れた、時間切れ、画面の期限切れ、サーバーの誤り、送りすぎ）も、見えて読み上げられる知らせを出し、
// フォーカスを <body> に落とさず、ボタンを押せないままにしない。利用者はスクリーンリーダーの人や、往復2秒の回線の人。
[Trait("Category", "Browser")]
public class FailurePathTests(SiteFixture site) : SeekerTest(site), IClassFixture<SiteFixture>
{

    private async Task<(IPage Page, LoginPage Login)> LoginScreenAsync(MyPageApp? site = null)
    {
        var page = await browser.OpenAsync(site ?? app, width: 360);
        var login = new LoginPage(page);
        await login.GotoAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        return (page, login);
    }

    private async Task FillAsync(LoginPage login)
    {
        await login.Id.FillAsync(Email);
        await login.Password.FillAsync(Password);
    }

    private static ILocator Submit(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = LoginTexts.Submit, Exact = true });

    private static ILocator Alert(IPage page) => page.Locator("#login-form .form-alert");

    private static async Task ExpectAlertAsync(IPage page, string message)
    {
        await Expect(Alert(page)).ToHaveTextAsync(message);
        // 一度だけ読まれる: フォーカスで（role="alert" の読み上げと重ならない）
        await Expect(Alert(page)).ToBeFocusedAsync();
        await Expect(Alert(page)).Not.ToHaveAttributeAsync("role", "alert");
        // もう一度押せる（無効のまま残らない）
        await Expect(page.Locator("#login-form")).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = LoginTexts.Submit, Exact = true })).ToBeEnabledAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = LoginTexts.Submit, Exact = true })).Not.ToHaveAttributeAsync("aria-disabled", "true");
    }

    [Fact]
    public async Task Can_hear_that_the_connection_failed_when_offline()
    {
        var (page, login) = await LoginScreenAsync();
        await using var transcript = await ScreenReaderTranscript.StartAsync(page);
        await page.Context.SetOfflineAsync(true);
        await FillAsync(login);
        await transcript.PressAsync(Submit(page));
        await ExpectAlertAsync(page, FormTexts.Offline);
        Assert.Equal([$"polite: {FormTexts.Sending}", $"focus paragraph: {FormTexts.Offline}"], await transcript.HearAsync());
        await Browser.ScreenshotAsync(page, "login-offline-360");
        await Axe.AssertNoViolationsAsync(page);

        // つながれば、そのまま送り直せる
        await page.Context.SetOfflineAsync(false);
        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
    }

    [Fact]
    public async Task Can_hear_that_the_server_did_not_answer_in_time()
    {
        // htmx が待つのは MyPage:Pages:HtmxTimeout まで（既定の30秒を、ここでは2秒に）
        await using var impatient = new MyPageApp(settings: new Dictionary<string, string?> { ["MyPage:Pages:HtmxTimeout"] = "00:00:02" });
        await impatient.CreateSeekerAsync(Email, Password, null);
        var (page, login) = await LoginScreenAsync(impatient);
        await page.RouteAsync("**/Account/Login", async route =>
        {
            if (route.Request.Method != "POST") { await route.ContinueAsync(); return; }
            await Task.Delay(TimeSpan.FromSeconds(4));
            await route.AbortAsync();
        });
        await using var transcript = await ScreenReaderTranscript.StartAsync(page);
        await FillAsync(login);
        await transcript.PressAsync(Submit(page));
        await ExpectAlertAsync(page, FormTexts.Timeout);
        Assert.Equal([$"polite: {FormTexts.Sending}", $"focus paragraph: {FormTexts.Timeout}"], await transcript.HearAsync());
        await Browser.ScreenshotAsync(page, "login-timeout-360");
    }

    [Fact]
    public async Task Can_hear_that_the_server_failed()
    {
        var (page, login) = await LoginScreenAsync();
        await page.RouteAsync("**/Account/Login", route => route.Request.Method == "POST"
            ? route.FulfillAsync(new() { Status = 500, Body = "" })
            : route.ContinueAsync());
        await login.SubmitAsync(Email, Password);
        await ExpectAlertAsync(page, FormTexts.Server);
    }

    [Fact]
    public async Task Can_hear_how_long_to_wait_after_too_many_requests()
    {
        var (page, login) = await LoginScreenAsync();
        await page.RouteAsync("**/Account/Login", route => route.Request.Method == "POST"
            ? route.FulfillAsync(new() { Status = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "42" }, Body = "" })
            : route.ContinueAsync());
        await login.SubmitAsync(Email, Password);
        await ExpectAlertAsync(page, FormTexts.TooMany.Replace("{0}", "42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Can_land_on_the_expired_page_when_the_form_token_is_stale()
    {
        var (page, login) = await LoginScreenAsync();
        await page.Locator("#login-form input[name=__RequestVerificationToken]").EvaluateAsync("e => e.value = 'stale'");
        await login.SubmitAsync(Email, Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Site.ExpiredTitle, Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex($"^{Site.ExpiredTitle} "));
        // 送った画面へ戻る道がある。戻れば新しいトークンのフォームで、ログインできる
        await page.GetByRole(AriaRole.Link, new() { Name = Site.BackToForm }).ClickAsync();
        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
    }

    // JavaScript なしでも: 期限切れの画面から、送った画面へ戻れる。ほかのサイトへの道にはならない
    [Fact]
    public async Task Can_go_back_to_the_form_from_the_expired_page_without_javascript()
    {
        using var client = app.CreateHttpClient();
        await client.GetStringAsync("/Account/Login");
        var stale = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "stale", ["Input.Id"] = Email, ["Input.Password"] = Password,
        }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains($"<a href=\"/Account/Login\">{Site.BackToForm}</a>", await stale.Content.ReadAsStringAsync());
        foreach (var back in new[] { "//evil.example/", "https://evil.example/", "/\\evil.example", "/Error/400" })
            Assert.DoesNotContain(Site.BackToForm, await client.GetStringAsync("/Error/400?back=" + Uri.EscapeDataString(back)));
    }

    [Fact]
    public async Task Can_see_and_hear_progress_and_cannot_send_twice_while_waiting()
    {
        var (page, login) = await LoginScreenAsync();
        var posts = 0;
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/Account/Login", async route =>
        {
            if (route.Request.Method != "POST") { await route.ContinueAsync(); return; }
            Interlocked.Increment(ref posts);
            await release.Task;
            await route.ContinueAsync();
        });
        await login.Id.FillAsync(Email);
        await login.Password.FillAsync(Password);
        var button = page.GetByRole(AriaRole.Button, new() { Name = LoginTexts.Submit, Exact = true });
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // 待っている間: 「送信しています…」が読み上げの場所に出て、フォーカスはボタンのまま。フォームは aria-busy にしない
        // （aria-busy の中の知らせは、読み上げが終わるまで待たされることがある）
        await Expect(page.Locator("#login-form .form-status")).ToHaveTextAsync(FormTexts.Sending);
        await Expect(page.Locator("#login-form .form-status")).ToHaveAttributeAsync("role", "status");
        await Expect(page.Locator("#login-form")).ToHaveAttributeAsync("data-sending", "");
        await Expect(page.Locator("[aria-busy]")).ToHaveCountAsync(0);
        await Expect(button).ToBeFocusedAsync();
        // 待ちの間はボタンが aria-disabled（支援技術には押せないと伝わる）。それでも押されたら、送らない
        await Expect(button).ToHaveAttributeAsync("aria-disabled", "true");
        await page.Keyboard.PressAsync("Enter");
        await button.ClickAsync(new() { Force = true });
        release.SetResult();
        await login.ExpectHomeAsync();
        Assert.Equal(1, posts);
    }

    [Fact]
    public async Task Can_hear_errors_once_and_see_the_title_say_so_after_an_htmx_swap()
    {
        var (page, login) = await LoginScreenAsync();
        await login.SubmitAsync("", "");
        await login.ExpectErrorAsync(LoginTexts.IdRequired);
        await Expect(page).ToHaveTitleAsync(new Regex($"^{FormTexts.ErrorPrefix}{LoginTexts.Title} "));
        // フォーカスの移動で読まれるので、role="alert" は重ねない（二度読まれない）
        await Expect(login.ErrorSummary.Locator("[role=alert]")).ToHaveCountAsync(0);
        await Expect(login.ErrorSummary).Not.ToHaveAttributeAsync("role", "alert");
        await Browser.ScreenshotAsync(page, "login-error-swapped-360");

        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
    }

    [Fact]
    public async Task Can_see_a_focus_ring_of_at_least_3_to_1_on_every_button()
    {
        var (page, _) = await LoginScreenAsync();
        await page.Keyboard.PressAsync("Tab");
        var button = page.GetByRole(AriaRole.Button, new() { Name = LoginTexts.Submit, Exact = true });
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(button).ToBeFocusedAsync();
        // 黄色の輪 (#ffbf47) の外側に、黒 (#1a1a1a) の輪: 白い背景に対して 3:1 を超える
        var shadow = await button.EvaluateAsync<string>("e => getComputedStyle(e).boxShadow");
        Assert.Contains("rgb(26, 26, 26)", shadow, StringComparison.Ordinal);
        Assert.Contains("5px", shadow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Can_see_buttons_and_the_current_page_in_forced_colors()
    {
        var page = await browser.OpenSignedInAsync(app, Email);
        await page.EmulateMediaAsync(new() { ForcedColors = ForcedColors.Active });
        await page.GotoAsync("/Home");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" });
        Assert.NotEqual("0px", await button.EvaluateAsync<string>("e => getComputedStyle(e).borderTopWidth"));
        await page.GotoAsync("/Settings/Withdraw");
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "退会する" });
        Assert.Equal("2px", await submit.EvaluateAsync<string>("e => getComputedStyle(e).borderTopWidth"));
        Assert.Equal("solid", await submit.EvaluateAsync<string>("e => getComputedStyle(e).borderTopStyle"));
        // いまの画面の印は box-shadow ではなく下線（強制色でも消えない）
        var current = page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "求職者情報・設定" });
        await Expect(current).ToHaveAttributeAsync("aria-current", "true");
        Assert.Contains("underline", await current.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"), StringComparison.Ordinal);
    }
}
