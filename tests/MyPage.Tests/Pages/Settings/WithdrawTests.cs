using System.Net;
using Microsoft.EntityFrameworkCore;
using MyPage.Pages.Account;
using MyPage.Registration;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages.Settings;

// 退会: パスワードを確かめ、個人の情報を消し、すべてのセッションを終える
public class WithdrawTests(SiteFixture site) : SeekerTest(site), IClassFixture<SiteFixture>
{
    private static async Task<HttpResponseMessage> WithdrawAsync(HttpClient client, string password)
        => await Forms.PostAsync(client, "/Settings/Withdraw", new() { ["Input.Password"] = password });

    [Fact]
    public async Task Cannot_withdraw_with_a_wrong_password_and_nothing_changes()
    {
        using var client = app.CreateHttpClient();
        await Forms.LoginAsync(client, Email, Password);
        var response = await WithdrawAsync(client, "Wrong-pass-1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("パスワードが正しくありません。", Html.ErrorSummary(await response.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Id == SeekerId)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Home")).StatusCode);
    }

    // 全角や空白の入ったパスワードは、ログインと同じく、照合せず、ロックにも数えずに、そう伝える（退会はしない）
    [Fact]
    public async Task Is_told_about_full_width_or_blank_characters_and_nothing_is_checked_or_counted()
    {
        using var client = app.CreateHttpClient();
        await Forms.LoginAsync(client, Email, Password);
        var before = app.PasswordVerifications;
        for (var i = 0; i < 6; i++)
        {
            var response = await WithdrawAsync(client, "Ｒｉｇｈｔ－ｐａｓｓ－１ ");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(LoginTexts.PasswordCharacters, Html.ErrorSummary(await response.Content.ReadAsStringAsync()));
        }
        Assert.Equal(before, app.PasswordVerifications);
        Assert.Equal(0, await app.WithDbAsync(db => db.LoginThrottles.CountAsync(t => t.IdTag == app.IdTag(Email))));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Id == SeekerId)));
    }

    // htmx にはフォームだけ（200、Vary: HX-Request）。退会できたら HX-Redirect
    [Fact]
    public async Task Can_get_only_the_form_back_through_htmx_and_an_hx_redirect_when_withdrawn()
    {
        using var client = app.CreateHttpClient();
        await Forms.LoginAsync(client, Email, Password);
        var response = await Forms.PostAsync(client, "/Settings/Withdraw", new() { ["Input.Password"] = "Wrong-pass-1" }, htmx: true);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<form id=\"withdraw-form\"", html.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("HX-Request", response.Headers.Vary);
        Assert.Contains(MyPage.Pages.Settings.SettingsTexts.WrongPassword, Html.ErrorSummary(html));

        var done = await Forms.PostAsync(client, "/Settings/Withdraw", new() { ["Input.Password"] = Password }, htmx: true);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("/Account/Withdrawn", done.Headers.GetValues("HX-Redirect").Single());
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Id == SeekerId)));
    }

    [Fact]
    public async Task Can_withdraw_and_everything_personal_is_gone()
    {
        using var other = app.CreateHttpClient();
        await Forms.LoginAsync(other, Email, Password);
        using var client = app.CreateHttpClient();
        await Forms.LoginAsync(client, Email, Password);

        var response = await WithdrawAsync(client, Password);
        Assert.Equal("/Account/Withdrawn", response.Headers.Location?.OriginalString);
        await app.Smtp.WaitForAsync(Email, RegistrationMails.WithdrawnSubject);

        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Id == SeekerId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Sessions.CountAsync(s => s.SeekerId == SeekerId)));
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/Home")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Home")).StatusCode);
        using var login = app.CreateHttpClient();
        Assert.Contains(LoginTexts.Failed, Html.ErrorSummary(await (await Forms.LoginAsync(login, Email, Password)).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Can_open_a_new_account_with_the_same_address_after_withdrawing()
    {
        using (var client = app.CreateHttpClient())
        {
            await Forms.LoginAsync(client, Email, Password);
            await WithdrawAsync(client, Password);
        }
        using var again = app.CreateHttpClient();
        await Forms.PostAsync(again, "/Register", new() { ["Input.Email"] = Email, ["Input.AgreeTerms"] = "true", ["Input.AgreePrivacy"] = "true" });
        var url = new Uri(Mails.RegisterUrl(await app.Smtp.WaitForAsync(Email, RegistrationMails.ProvisionalSubject))).PathAndQuery;
        var token = Mails.RegisterToken(url);
        var done = await Forms.PostAsync(again, url, new(Register.RegisterTests.Details("Again-pass-2026")) { ["Token"] = token });
        Assert.Equal("/Register/Done", done.Headers.Location?.OriginalString);
        using var login = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(login, Email, "Again-pass-2026")).StatusCode);
    }

    [Fact]
    public async Task Can_send_three_withdrawals_at_once_and_one_wins_the_others_told_plainly()
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            var client = app.CreateHttpClient();
            await Forms.LoginAsync(client, Email, Password);
            clients.Add(client);
        }
        // 三つの画面で、送る前までを済ませてから一斉に送る
        var forms = await Task.WhenAll(clients.Select(c => c.GetStringAsync("/Settings/Withdraw")));
        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsync("/Settings/Withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.Token(forms[i]),
            ["Input.Password"] = Password,
        }))));

        // 500 なら、サイトが記録した例外をメッセージに入れる（負荷の下でだけ起きた競り合いを、次に起きたときに追えるように）
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect,
            $"{(int)r.StatusCode}\n" + string.Join("\n", app.Logs.Detailed.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Take(3))));
        // 一つ目が消した後に届いた要求は、もうセッションがないのでログイン画面へ（どれも 500 にはならない）
        var targets = responses.Select(r => new Uri(app.BaseUrl, r.Headers.Location!).AbsolutePath).ToList();
        Assert.Contains("/Account/Withdrawn", targets);
        Assert.All(targets, t => Assert.Contains(t, (string[])["/Account/Withdrawn", "/Account/Login"]));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Id == SeekerId)));
        await app.Smtp.WaitForAsync(Email, RegistrationMails.WithdrawnSubject);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Email && m.Subject == RegistrationMails.WithdrawnSubject)));
        foreach (var client in clients) client.Dispose();
        using var page = app.CreateHttpClient();
        Assert.Contains(MyPage.Pages.Account.WithdrawnTexts.AlreadyWithdrawn, await page.GetStringAsync("/Account/Withdrawn?status=already"));
    }
}
