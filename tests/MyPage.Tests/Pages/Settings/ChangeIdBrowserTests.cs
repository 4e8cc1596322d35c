using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MyPage.IdChange;
using MyPage.Login;
using MyPage.Pages.Account;
using MyPage.Pages.Settings;
using MyPage.Pages.Shared;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Settings;

// 「ID(メールアドレス)の変更」を実際のブラウザで、JavaScript あり・なしの両方で: ログイン → 変更の申込み → 新しいアドレスへの
// メール → 認証キー → 両方のアドレスへの通知 → 新しい ID でログインでき、前の ID ではできない。ほかのブラウザのログインは終わる
[Trait("Category", "Browser")]
public class ChangeIdBrowserTests(SiteFixture site) : SeekerTest(site), IClassFixture<SiteFixture>
{
    private string NewEmail => "new-" + Email;

    [Theory]
    [InlineData(true, 360)]
    [InlineData(false, 1280)]
    public async Task Can_change_the_id_and_then_log_in_only_with_the_new_one(bool javaScript, int width)
    {
        var elsewhere = await browser.OpenSignedInAsync(app, Email, javaScript, width);
        var page = await browser.OpenAsync(app, javaScript, width);
        var login = new LoginPage(page);
        await login.LogInAsync(Email, Password);

        var change = new ChangeIdPage(page);
        await change.OpenFromSettingsAsync();
        await Expect(page.Locator("#current-id")).ToHaveTextAsync(Email);
        if (javaScript) await Axe.AssertNoViolationsAsync(page);

        // 確認用が違う: 描き直したフォーム（JavaScript ありならフォームだけ）、エラーのまとめにフォーカス、title は「エラー：」から
        await change.RequestAsync(NewEmail, "other-" + Email, Password);
        await change.ExpectErrorAsync(IdChangeTexts.ConfirmMismatch);
        await Expect(page).ToHaveTitleAsync(new Regex($"^{FormTexts.ErrorPrefix}{Regex.Escape(IdChangeTexts.Title)} "));
        await Expect(change.NewId).ToHaveValueAsync(NewEmail);
        await Expect(change.Password).ToHaveValueAsync("");
        if (javaScript) await Axe.AssertNoViolationsAsync(page);
        await Browser.ScreenshotAsync(page, $"change-id-error-{(javaScript ? "swapped" : "posted")}-{width}");

        await change.RequestAsync(NewEmail, NewEmail, Password);
        await change.ExpectKeyScreenAsync();
        await Expect(page.Locator("#key-sent")).ToHaveTextAsync(IdChangeTexts.KeySent(NewEmail));
        if (javaScript) await Axe.AssertNoViolationsAsync(page);
        var key = Mails.Key(await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ConfirmSubject));

        // 打ち間違えた認証キー: 数えて、直せる
        await change.ConfirmAsync(key == "00000000" ? "11111111" : "00000000");
        await change.ExpectErrorAsync(IdChangeTexts.KeyWrong);
        if (javaScript) await Axe.AssertNoViolationsAsync(page);

        await change.ConfirmAsync(key);
        await change.ExpectChangedAsync(NewEmail);
        if (javaScript) await Axe.AssertNoViolationsAsync(page);
        await Browser.ScreenshotAsync(page, $"change-id-done-{width}");
        await app.Smtp.WaitForAsync(Email, IdChangeMails.ChangedSubject);
        await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ChangedSubject);

        // ほかのブラウザのログインは終わり、次に開いたとき、その理由を聞く
        await elsewhere.GotoAsync("/Home");
        await Expect(elsewhere.Locator("#status")).ToHaveTextAsync(LoginTexts.IdWasChanged);
        if (javaScript) await Axe.AssertNoViolationsAsync(elsewhere);

        await login.LogOutAsync();
        await login.SubmitAsync(Email, Password);
        await login.ExpectErrorAsync(LoginTexts.Failed);
        await login.SubmitAsync(NewEmail, Password);
        await login.ExpectHomeAsync();
    }

    // 認証キーの画面のほかの状態: 待っている変更がない（やり直す）、認証キーの誤りで始まったロック
    [Fact]
    public async Task Can_use_the_key_screen_when_nothing_waits_and_when_locked_without_axe_violations()
    {
        var page = await browser.OpenSignedInAsync(app, Email, width: 360);
        var change = new ChangeIdPage(page);
        await page.GotoAsync("/Settings/ChangeIdKey");
        await Expect(change.ErrorSummary).ToContainTextAsync(IdChangeTexts.NothingWaiting);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = IdChangeTexts.StartOver })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = IdChangeTexts.StartOver }).ClickAsync();
        await change.RequestAsync(NewEmail, NewEmail, Password);
        await change.ExpectKeyScreenAsync();
        var key = Mails.Key(await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ConfirmSubject));
        var wrong = key == "00000000" ? "11111111" : "00000000";
        for (var i = 1; i < 5; i++)
        {
            await change.ConfirmAsync(wrong);
            await change.ExpectErrorAsync(IdChangeTexts.KeyWrong);
        }
        await change.ConfirmAsync(wrong);
        await Expect(change.Lockout).ToBeFocusedAsync();
        await Expect(change.Lockout).ToContainTextAsync(LoginTexts.LockedByKeys);
        await Axe.AssertNoViolationsAsync(page);
        await Browser.ScreenshotAsync(page, "change-id-key-locked-360");
    }

    // 送信が失敗しても（サーバーの誤り、送りすぎ）、フォームの知らせの場所で聞こえ、もう一度押せる
    [Fact]
    public async Task Can_hear_a_server_error_and_too_many_requests_on_the_key_form()
    {
        var page = await browser.OpenSignedInAsync(app, Email, width: 360);
        var change = new ChangeIdPage(page);
        await page.GotoAsync("/Settings/ChangeId");
        await change.RequestAsync(NewEmail, NewEmail, Password);
        await change.ExpectKeyScreenAsync();
        var key = Mails.Key(await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ConfirmSubject));
        var alert = page.Locator("#change-id-key-form .form-alert");

        await page.RouteAsync("**/Settings/ChangeIdKey", route => route.Request.Method == "POST"
            ? route.FulfillAsync(new() { Status = 500, Body = "" })
            : route.ContinueAsync());
        await change.ConfirmAsync(key);
        await Expect(alert).ToHaveTextAsync(FormTexts.Server);
        await Expect(alert).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.UnrouteAllAsync();
        await page.RouteAsync("**/Settings/ChangeIdKey", route => route.Request.Method == "POST"
            ? route.FulfillAsync(new() { Status = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "42" }, Body = "" })
            : route.ContinueAsync());
        await change.ConfirmAsync(key);
        await Expect(alert).ToHaveTextAsync(FormTexts.TooMany.Replace("{0}", "42", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = IdChangeTexts.Change })).ToBeEnabledAsync();

        // 何も変わっていないので、通れば変わる
        await page.UnrouteAllAsync();
        await change.ConfirmAsync(key);
        await change.ExpectChangedAsync(NewEmail);
    }

    // 変更のフォームのほかの状態: マイナポータルからログインして10分を過ぎた（パスワードの欄が戻り、わけを言う）、1時間の上限
    [Fact]
    public async Task Can_use_the_change_form_past_the_mynaportal_minutes_and_past_the_hourly_limit_without_axe_violations()
    {
        var page = await browser.OpenSignedInAsync(app, Email, LoginMethod.Mynaportal, width: 360);
        var change = new ChangeIdPage(page);
        app.Time.Advance(IdChanges.MynaportalGrace);
        await page.GotoAsync("/Settings/ChangeId");
        await Expect(page.Locator("#change-password-hint")).ToHaveTextAsync(IdChangeTexts.MynaportalTooOld);
        await Axe.AssertNoViolationsAsync(page);

        for (var i = 1; i <= 3; i++)
        {
            await change.RequestAsync($"{i}-" + NewEmail, password: Password);
            await change.ExpectKeyScreenAsync();
            await page.GotoAsync("/Settings/ChangeId");
        }
        await change.RequestAsync("4-" + NewEmail, password: Password);
        await change.ExpectErrorAsync("1時間に3通までです");
        await Axe.AssertNoViolationsAsync(page);
    }
}
