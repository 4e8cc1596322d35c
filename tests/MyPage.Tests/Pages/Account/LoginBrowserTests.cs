using Microsoft.Playwright;
using MyPage.Pages.Account;
using MyPage.Pages.Shared;
using MyPage.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Account;

// 実際のブラウザ（Debian の Chromium）で、マニュアルの手順どおりに操作する。
// JavaScript あり（htmx の部分差し替え）と、なし（普通の POST）の両方で。
[Trait("Category", "Browser")]
public class LoginBrowserTests(SiteFixture site) : SeekerTest(site), IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Can_log_in_from_the_top_page_after_one_wrong_password(bool javaScript)
    {
        var page = await browser.OpenAsync(app, javaScript);

        await page.GotoAsync("/");
        await Expect(page).ToHaveTitleAsync("ハローワークインターネットサービス");
        await page.GetByRole(AriaRole.Link, new() { Name = "求職者マイページにログイン" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = LoginTexts.Title, Level = 1 })).ToBeVisibleAsync();
        var login = new LoginPage(page);
        await login.SubmitAsync(Email, "Wrong-pass-1");
        await login.ExpectErrorAsync(LoginTexts.Failed);
        await Expect(login.Id).ToHaveValueAsync(Email);
        await Expect(login.Password).ToHaveValueAsync("");

        await login.SubmitAsync(Email, Password);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Home$"));
        await login.ExpectHomeAsync();
        await Expect(page.Locator("#seeker-number")).ToHaveTextAsync(SeekerNumber);
        await Expect(page.Locator("#office-name")).ToHaveTextAsync("飯田橋公共職業安定所");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "求職者マイページ" });
        foreach (var item in new[] { "ホーム", "求人検索", "求職活動状況", "メッセージ", "求職者情報・設定" })
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = item, Exact = true })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Can_wait_out_a_lockout_and_then_log_in(bool javaScript)
    {
        var page = await browser.OpenAsync(app, javaScript);
        await page.GotoAsync("/Account/Login");
        var lockedAt = app.Time.GetUtcNow();

        var login = new LoginPage(page);
        for (var i = 1; i < 5; i++)
        {
            await login.SubmitAsync(Email, $"Wrong-pass-{i}");
            await login.ExpectErrorAsync(LoginTexts.Failed);
        }
        // 5回目: 入力の誤りではなく、見出し付きのロックの知らせ（時刻と、ロックを解くパスワードの再登録への道）
        await login.SubmitAsync(Email, "Wrong-pass-5");
        var retry = LoginTexts.RetryFrom(MyPage.Time.JapanTime.Format(lockedAt.AddMinutes(30)));
        await login.ExpectLockedAsync(retry);
        await Expect(login.ErrorSummary).ToHaveCountAsync(0);
        await Expect(page).Not.ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^エラー："));
        await Expect(login.Lockout.GetByRole(AriaRole.Link, new() { Name = LoginTexts.ForgotPassword })).ToBeVisibleAsync();

        // ロック中は正しいパスワードでも入れない
        await login.SubmitAsync(Email, Password);
        await login.ExpectLockedAsync(retry);
        Assert.EndsWith("/Account/Login", page.Url);

        app.Time.Advance(TimeSpan.FromMinutes(30));
        await login.SubmitAsync(Email, Password);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Home$"));
    }

    // スクリーンリーダーが聞かせること: 誤りも、ロックも、フォーカスで一度だけ（説明として誤りそのものが読まれる）
    [Fact]
    public async Task A_screen_reader_hears_the_error_and_the_lockout_once_each()
    {
        var page = await browser.OpenAsync(app);
        await page.GotoAsync("/Account/Login");
        var lockedAt = app.Time.GetUtcNow();
        var login = new LoginPage(page);
        await using var transcript = await ScreenReaderTranscript.StartAsync(page);
        var submit = page.GetByRole(AriaRole.Button, new() { Name = LoginTexts.Submit, Exact = true });

        for (var i = 1; i <= 5; i++)
        {
            await login.Id.FillAsync(Email);
            await login.Password.FillAsync($"Wrong-pass-{i}");
            await transcript.PressAsync(submit);
            if (i < 5) await login.ExpectErrorAsync(LoginTexts.Failed);
            else await login.ExpectLockedAsync();
            var heard = await transcript.HearAsync();
            Assert.Equal(i < 5
                ? [$"polite: {FormTexts.Sending}", $"focus group: {ErrorSummaryHeading} | {LoginTexts.Failed}"]
                : [$"polite: {FormTexts.Sending}",
                   $"focus group: {LoginTexts.LockedHeading} | {LoginTexts.Lockout} {LoginTexts.RetryFrom(MyPage.Time.JapanTime.Format(lockedAt.AddMinutes(30)))}"],
                heard);
        }
    }

    private const string ErrorSummaryHeading = "入力内容をご確認ください";

    [Fact]
    public async Task Can_log_out_from_home()
    {
        var page = await browser.OpenSignedInAsync(app, Email, width: 360);
        await page.GotoAsync("/Home");
        await new LoginPage(page).ExpectHomeAsync();
        await using var transcript = await ScreenReaderTranscript.StartAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync(LoginTexts.SignedOut);
        // 読み込みのときに知らせへフォーカスが移り、読み上げられる。一度だけ（ライブリージョンとしても読まれない）
        await Expect(page.Locator("#status")).ToBeFocusedAsync();
        Assert.Equal([$"focus group: {LoginTexts.SignedOut}"], await transcript.HearAsync());
        await Browser.ScreenshotAsync(page, "login-signed-out-360");
        await page.GotoAsync("/Home");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?returnUrl=%2FHome$"));
    }
}
