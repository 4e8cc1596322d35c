using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MyPage.Pages.Settings;
using MyPage.Sessions;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.OneTimePassword;

// 「ログインの安全」: ログイン履歴、初めてのブラウザのお知らせ、他の端末からのログアウト、省略するブラウザの「解除」
[Trait("Category", "Browser")]
public class AccountSecurityTests(OneTimePasswordSite site) : OneTimePasswordTest(site), IClassFixture<OneTimePasswordSite>
{
    private const string AndroidChrome = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";

    // ID・パスワードとコードで（trust: 「省略する」を選ぶ）
    private async Task LogInAsync(HttpClient client, int mailNumber, bool trust = false)
    {
        var code = await PasswordStepAsync(client, mailNumber);
        Assert.Equal("/Home", (await SendCodeAsync(client, code, trust)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Shows_the_latest_twenty_logins_with_method_browser_and_masked_address()
    {
        var cookies = new CookieContainer();
        using var client = app.CreateHttpClient(cookies);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(AndroidChrome);
        await LogInAsync(client, 1, trust: true);
        for (var i = 0; i < 21; i++)
        {
            app.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal("/Home", (await Forms.LoginAsync(client, Email, Password)).Headers.Location?.OriginalString);
        }

        var html = await client.GetStringAsync("/Settings/Security");
        // 表: 見出しは 日時・方法・ブラウザ・接続元、行ごとに日時が行の見出し
        var table = System.Text.RegularExpressions.Regex.Match(html, "<table id=\"login-history\".*?</table>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains($"<th scope=\"col\">{SecurityTexts.HistoryAt}</th><th scope=\"col\">{SecurityTexts.HistoryMethod}</th><th scope=\"col\">{SecurityTexts.HistoryBrowser}</th><th scope=\"col\">{SecurityTexts.HistoryClient}</th>", table);
        Assert.Equal(LoginRecords.Shown, System.Text.RegularExpressions.Regex.Count(table, "<th scope=\"row\">"));
        Assert.Contains($"<tr><th scope=\"row\">{MyPage.Time.JapanTime.Format(app.Time.GetUtcNow())}</th><td data-label=\"{SecurityTexts.HistoryMethod}\">パスワード</td><td data-label=\"{SecurityTexts.HistoryBrowser}\">Chrome（Android）</td><td data-label=\"{SecurityTexts.HistoryClient}\" class=\"nowrap\">{MaskedClientAddress}</td></tr>", table);
        // いちばん古い（ワンタイムパスワードでの）ログインは21件の後ろに押し出された
        Assert.DoesNotContain("パスワード＋ワンタイムパスワード", html);
        Assert.Equal(LoginRecords.Shown, await app.WithDbAsync(db => db.LoginRecords.CountAsync(r => r.SeekerId == SeekerId)));
    }

    [Fact]
    public async Task Sends_a_notice_for_a_new_browser_and_none_for_a_known_one()
    {
        var cookies = new CookieContainer();
        using var first = app.CreateHttpClient(cookies);
        await LogInAsync(first, 1);
        await app.Smtp.WaitForAsync(Email, LoginMails.NewBrowserSubject, 1);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LogoutAsync(first)).StatusCode);

        // 同じブラウザ（Cookie が残っている）からのログイン: お知らせは送らない
        await LogInAsync(first, 2);
        // 別のブラウザから: お知らせ（日時、方法、心当たりがない場合）
        using var second = app.CreateHttpClient();
        second.DefaultRequestHeaders.UserAgent.ParseAdd(AndroidChrome);
        await LogInAsync(second, 3);
        var notice = await app.Smtp.WaitForAsync(Email, LoginMails.NewBrowserSubject, 2);
        Assert.Contains(MyPage.Time.JapanTime.Format(app.Time.GetUtcNow()), notice.TextBody);
        Assert.Contains("パスワード＋ワンタイムパスワード", notice.TextBody);
        Assert.Contains("Chrome（Android）", notice.TextBody);
        Assert.Contains("心当たりがない場合", notice.TextBody);
        Assert.Contains("他の端末からログアウトする", notice.TextBody);
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Email && m.Subject == LoginMails.NewBrowserSubject)));
    }

    // 「他の端末からログアウトする」の前に、何が終わるのかが見える: ログイン中の端末ごとに、ブラウザ、ログインした時刻、
    // 最後の操作（延長した時刻。操作のない時間の上限の半分の細かさ）、どれがこの端末か。終わったセッションは出ない
    [Fact]
    public async Task Lists_the_signed_in_devices_with_browser_times_and_this_one()
    {
        using var phone = app.CreateHttpClient();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd(AndroidChrome);
        await LogInAsync(phone, 1);
        var phoneSignedIn = app.Time.GetUtcNow();
        app.Time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Home")).StatusCode); // 半分を過ぎた操作で延長される
        var phoneUsed = app.Time.GetUtcNow();
        app.Time.Advance(TimeSpan.FromMinutes(5));
        using var mine = app.CreateHttpClient();
        mine.DefaultRequestHeaders.UserAgent.ParseAdd(MyPageApp.ChromiumUserAgent);
        await LogInAsync(mine, 2);
        var mineSignedIn = app.Time.GetUtcNow();
        using var ended = app.CreateHttpClient();
        await LogInAsync(ended, 3);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LogoutAsync(ended)).StatusCode);

        var html = await mine.GetStringAsync("/Settings/Security");
        var list = System.Text.RegularExpressions.Regex.Match(html, "<ul id=\"signed-in-devices\".*?</ul>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var items = System.Text.RegularExpressions.Regex.Matches(list, "<li>(.*?)</li>").Select(m => m.Groups[1].Value).ToList();
        static string At(DateTimeOffset t) => MyPage.Time.JapanTime.Format(t);
        Assert.Equal(
            [
                SecurityTexts.DeviceEntry("Chrome（Linux）", At(mineSignedIn), At(mineSignedIn)) + SecurityTexts.ThisBrowser,
                SecurityTexts.DeviceEntry("Chrome（Android）", At(phoneSignedIn), At(phoneUsed)),
            ], items);
    }

    [Fact]
    public async Task Signing_out_other_devices_ends_the_other_session_keeps_this_one_and_revokes_trust()
    {
        var otherCookies = new CookieContainer();
        using var other = app.CreateHttpClient(otherCookies);
        await LogInAsync(other, 1, trust: true);
        using var mine = app.CreateHttpClient();
        await LogInAsync(mine, 2);
        Assert.True(await SignedInAsync(other));

        // いまのパスワードが要る: 誤りでは何も終わらない
        var wrong = await Forms.PostAsync(mine, "/Settings/Security?handler=SignOutOthers", new() { ["Input.Password"] = "Wrong-pass-1" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(MyPage.Pages.Settings.SettingsTexts.WrongPassword, Html.ErrorSummary(await wrong.Content.ReadAsStringAsync()));
        Assert.True(await SignedInAsync(other));

        var response = await Forms.PostAsync(mine, "/Settings/Security?handler=SignOutOthers", new() { ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(SecurityTexts.SignedOutOthers(1), await mine.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.True(await SignedInAsync(mine));
        Assert.False(await SignedInAsync(other));

        // 省略していたブラウザも、次はコードが要る
        await PasswordStepAsync(other, 3);
    }

    [Fact]
    public async Task Untrusting_one_browser_needs_the_code_there_again_and_cannot_touch_someone_elses()
    {
        var other = "other-" + Email;
        await app.CreateSeekerAsync(other, Password, null);
        var cookies = new CookieContainer();
        using var client = app.CreateHttpClient(cookies);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(MyPageApp.ChromiumUserAgent);
        await LogInAsync(client, 1, trust: true);
        var browserId = await app.WithDbAsync(db => db.SeekerBrowsers.Where(b => b.SeekerId == SeekerId).Select(b => b.Id).SingleAsync());

        // ほかの求職者が、その番号で「解除」を送っても変わらない
        using (var stranger = app.CreateHttpClient())
        {
            await Forms.LoginAsync(stranger, other, Password);
            var code = Mails.Code(await app.Smtp.WaitForAsync(other, MyPage.OneTimePassword.OneTimePasswordMails.Subject));
            await SendCodeAsync(stranger, code);
            await Forms.PostAsync(stranger, "/Settings/Security?handler=Untrust", new() { ["browser"] = browserId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        Assert.NotNull(await app.WithDbAsync(db => db.SeekerBrowsers.Where(b => b.Id == browserId).Select(b => b.TrustedUntil).SingleAsync()));

        var html = await client.GetStringAsync("/Settings/Security");
        Assert.Contains(SecurityTexts.ThisBrowser, html);
        // 「解除」ボタンの名前は、どのブラウザかを言う（同じ種類のブラウザが二つあっても聞き分けられる）
        var lastLogin = MyPage.Time.JapanTime.Format(app.Time.GetUtcNow());
        Assert.Contains($"{SecurityTexts.Untrust}<span class=\"visually-hidden\">{SecurityTexts.UntrustWhich("Chrome（Linux）", lastLogin)}</span>", html);
        var response = await Forms.PostAsync(client, "/Settings/Security?handler=Untrust", new() { ["browser"] = browserId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        // 知らせは、どのブラウザを解除したかを言う
        Assert.Contains(SecurityTexts.Untrusted("Chrome（Linux）", lastLogin), await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains(SecurityTexts.NoTrusted, await client.GetStringAsync("/Settings/Security"));

        await Forms.LogoutAsync(client);
        await PasswordStepAsync(client, 2);
    }

    [Fact]
    public async Task Withdrawal_removes_the_browsers_history_and_waiting_logins()
    {
        using var client = app.CreateHttpClient();
        await LogInAsync(client, 1, trust: true);
        using (var waiting = app.CreateHttpClient()) await PasswordStepAsync(waiting, 2);
        var response = await Forms.PostAsync(client, "/Settings/Withdraw", new() { ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SeekerBrowsers.CountAsync(b => b.SeekerId == SeekerId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.LoginRecords.CountAsync(r => r.SeekerId == SeekerId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.PendingLogins.CountAsync(p => p.SeekerId == SeekerId)));
    }

    [Fact]
    public async Task The_security_page_works_in_a_browser_and_passes_axe()
    {
        foreach (var width in new[] { 360, 1280 })
        {
            var page = await browser.OpenAsync(app, width: width);
            var login = new LoginPage(page);
            var otp = new OneTimePasswordPage(page);
            await login.GotoAsync();
            await login.SubmitAsync(Email, Password);
            await otp.ExpectShownAsync();
            await otp.SubmitAsync(await OneTimePasswordPage.MailedCodeAsync(app, Email, width == 360 ? 1 : 2), trust: true);
            await login.ExpectHomeAsync();

            await page.GotoAsync("/Settings");
            await page.GetByRole(AriaRole.Link, new() { Name = SecurityTexts.SettingsLink }).ClickAsync();
            await Expect(page.Locator("#login-history tbody tr")).Not.ToHaveCountAsync(0);
            await Expect(page.Locator("#trusted-browsers li")).Not.ToHaveCountAsync(0);
            await Browser.ScreenshotAsync(page, $"settings-security-{width}");
            await Axe.AssertNoViolationsAsync(page);

            await page.Locator("#signout-password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = SecurityTexts.SignOutOthers }).ClickAsync();
            await Expect(page.Locator("#status")).ToBeFocusedAsync();
            await Expect(page.Locator("#no-trusted")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
        }
    }
}
