using System.Net;
using Microsoft.EntityFrameworkCore;
using MyPage.OneTimePassword;
using MyPage.Pages.Account;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.OneTimePassword;

// ワンタイムパスワード: パスワードのあとにだけ出て、一度だけ、期限まで、5回の誤りまで使える。HttpClient で（本物の Kestrel、SQLite、SMTP）
// 待っているログイン、コードの回数と期限はデータベースが決めるので、SQLite と PostgreSQL の両方で
public class OneTimePasswordTests(OneTimePasswordSite site) : OneTimePasswordCodeTest(site), IClassFixture<OneTimePasswordSite>;

[Trait("Category", "PostgreSQL")]
public class OneTimePasswordOnPostgreSqlTests(OneTimePasswordOnPostgreSqlTests.Site site) : OneTimePasswordCodeTest(site), IClassFixture<OneTimePasswordOnPostgreSqlTests.Site>
{
    public sealed class Site() : SiteFixture(OneTimePasswordSite.Settings(), Store.PostgreSql);
}

public abstract class OneTimePasswordCodeTest(SiteFixture site) : OneTimePasswordTest(site)
{
    [Fact]
    public async Task Correct_password_sends_a_code_and_issues_no_session_yet()
    {
        var cookies = new CookieContainer();
        using var client = app.CreateHttpClient(cookies);
        var code = await PasswordStepAsync(client);
        Assert.Matches("^[0-9]{6}$", code);
        Assert.False(await SignedInAsync(client));
        Assert.Equal(0, await app.WithDbAsync(db => db.Sessions.CountAsync(x => x.SeekerId == SeekerId)));

        // 画面: 送り先、有効期限の時刻、入力欄（one-time-code、数字のキーボード、貼り付けできる）
        var html = await client.GetStringAsync(CodePage);
        Assert.Contains($"<h1>{OneTimePasswordTexts.Title}</h1>", html);
        Assert.Contains(OneTimePasswordTexts.Sent(Email), html);
        Assert.Contains(OneTimePasswordTexts.ValidUntil(MyPage.Time.JapanTime.Format(app.Time.GetUtcNow() + Lifetime)), html);
        Assert.Contains("autocomplete=\"one-time-code\"", html);
        Assert.Contains("inputmode=\"numeric\"", html);
        Assert.DoesNotContain("onpaste", html);

        // データベースにはコードそのものも、参照そのものもない
        var pending = await app.WithDbAsync(db => db.PendingLogins.SingleAsync(x => x.SeekerId == SeekerId));
        Assert.DoesNotContain(code, pending.CodeHash);
        Assert.DoesNotContain(PendingCookie(cookies, app).Value, pending.Id);
        var outbox = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == Email).Select(m => (m.Body ?? "") + (m.Secret ?? "")).ToListAsync());
        Assert.DoesNotContain(outbox, text => text.Contains(code, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await SendCodeAsync(client, code)).StatusCode);
        Assert.True(await SignedInAsync(client));
    }

    [Fact]
    public async Task Unknown_id_and_wrong_password_answer_as_before_and_send_nothing()
    {
        using var client = app.CreateHttpClient();
        var unknown = await Forms.LoginAsync(client, UnknownEmail, Password);
        var wrong = await Forms.LoginAsync(client, Email, "Wrong-pass-1");
        foreach (var response in new[] { unknown, wrong })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(LoginTexts.Failed, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.PendingLogins.CountAsync(x => x.SeekerId == SeekerId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Email || m.To == UnknownEmail)));
        // コードの画面は、正しいパスワードのあとでなければ何も見せない
        var html = await client.GetStringAsync(CodePage);
        Assert.Contains(OneTimePasswordTexts.StartOver, html);
        Assert.DoesNotContain("otp-code", html);
    }

    [Fact]
    public async Task Accepts_full_width_digits_and_spaces()
    {
        using var client = app.CreateHttpClient();
        var code = await PasswordStepAsync(client);
        var typed = "　" + string.Concat(code[..3].Select(c => (char)(c - '0' + '０'))) + " " + code[3..] + " ";
        Assert.Equal("/Home", (await SendCodeAsync(client, typed)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_code_of_the_wrong_shape_is_not_counted()
    {
        using var client = app.CreateHttpClient();
        var code = await PasswordStepAsync(client);
        foreach (var typed in new[] { "", "12345", "abcdef", "1234567" })
        {
            var html = await (await SendCodeAsync(client, typed)).Content.ReadAsStringAsync();
            Assert.Contains("otp-code-error", html);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.PendingLogins.Where(x => x.SeekerId == SeekerId).Select(p => p.FailedAttempts).SingleAsync()));
        Assert.Equal("/Home", (await SendCodeAsync(client, code)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Five_wrong_codes_void_the_code_and_lock_the_account()
    {
        using var client = app.CreateHttpClient();
        var code = await PasswordStepAsync(client);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 1; i <= 4; i++)
        {
            var html = await (await SendCodeAsync(client, wrong)).Content.ReadAsStringAsync();
            Assert.Contains(OneTimePasswordTexts.Wrong(5 - i, locks: true), html);
            Assert.DoesNotContain(wrong, html); // コードは書き戻さない
        }
        // 5回目: コードの誤りもパスワードの誤りと同じに数えるので、アカウントがロックされる
        var fifth = await (await SendCodeAsync(client, wrong)).Content.ReadAsStringAsync();
        Assert.Contains(LoginTexts.LockedHeading, fifth);
        Assert.Contains(LoginTexts.LockedByCodes, fifth);
        Assert.Contains(OneTimePasswordTexts.BackToLogin, fifth);

        // 正しいコードでももう入れない。S1 からやり直しても、ロックが解けるまでは入れない
        Assert.Contains(OneTimePasswordTexts.StartOver, await (await SendCodeAsync(client, code)).Content.ReadAsStringAsync());
        Assert.False(await SignedInAsync(client));
        var again = await Forms.LoginAsync(client, Email, Password);
        Assert.Contains(LoginTexts.LockedHeading, await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_codes_add_to_the_wrong_passwords_before_them()
    {
        using var client = app.CreateHttpClient();
        for (var i = 0; i < 3; i++) await Forms.LoginAsync(client, Email, "Wrong-pass-1");
        var code = await PasswordStepAsync(client);
        var wrong = code == "000000" ? "111111" : "000000";
        // 残りの回数はロックのもの: 3回のパスワードの誤り + このコードの誤り = 4回、あと1回でロック（正しいパスワードで数え直さない）
        Assert.Contains(OneTimePasswordTexts.Wrong(1, locks: true), await (await SendCodeAsync(client, wrong)).Content.ReadAsStringAsync());
        Assert.Contains(LoginTexts.LockedHeading, await (await SendCodeAsync(client, wrong)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_used_code_cannot_be_used_again()
    {
        var cookies = new CookieContainer();
        using var client = app.CreateHttpClient(cookies);
        var code = await PasswordStepAsync(client);
        var reference = PendingCookie(cookies, app);
        Assert.Equal("/Home", (await SendCodeAsync(client, code)).Headers.Location?.OriginalString);

        // 参照を盗み見た別のブラウザが、同じ参照と同じコードを送っても入れない
        var stolen = new CookieContainer();
        stolen.Add(app.BaseUrl, new Cookie(reference.Name, reference.Value));
        using var other = app.CreateHttpClient(stolen);
        var response = await SendCodeAsync(other, code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(OneTimePasswordTexts.StartOver, await response.Content.ReadAsStringAsync());
        Assert.False(await SignedInAsync(other));
        Assert.Equal(1, await app.WithDbAsync(db => db.Sessions.CountAsync(x => x.SeekerId == SeekerId)));
    }

    [Fact]
    public async Task A_code_is_valid_for_exactly_its_lifetime()
    {
        using var early = app.CreateHttpClient();
        using var late = app.CreateHttpClient();
        var earlyCode = await PasswordStepAsync(early, 1);
        var lateCode = await PasswordStepAsync(late, 2);

        app.Time.Advance(Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.Equal("/Home", (await SendCodeAsync(early, earlyCode)).Headers.Location?.OriginalString);

        app.Time.Advance(TimeSpan.FromMilliseconds(1));
        var response = await SendCodeAsync(late, lateCode);
        // 期限が過ぎたと、その時刻を言う（「見つかりません」ではなく）
        Assert.Contains(OneTimePasswordTexts.Expired(MyPage.Time.JapanTime.Format(app.Time.GetUtcNow())), await response.Content.ReadAsStringAsync());
        Assert.False(await SignedInAsync(late));
    }

    [Fact]
    public async Task A_resend_voids_the_older_code_and_is_capped()
    {
        using var client = app.CreateHttpClient();
        var first = await PasswordStepAsync(client);
        var resent = await (await ResendAsync(client)).Content.ReadAsStringAsync();
        Assert.Contains(OneTimePasswordTexts.Resent, resent);
        var second = Mails.Code(await app.Smtp.WaitForAsync(Email, OneTimePasswordMails.Subject, 2));

        // 前のコードは使えない（新しいメールを送ったからと言う。誤りとして数える）
        if (first != second)
            Assert.Contains(OneTimePasswordTexts.Replaced(4, locks: true), await (await SendCodeAsync(client, first)).Content.ReadAsStringAsync());

        // 上限 (MaxResends = 3) を超えた再送はメールを送らない
        for (var i = 0; i < 2; i++) await ResendAsync(client);
        var refused = await (await ResendAsync(client)).Content.ReadAsStringAsync();
        Assert.Contains(OneTimePasswordTexts.ResendLimit, refused);
        await app.Smtp.WaitForAsync(Email, OneTimePasswordMails.Subject, 4);
        var latest = Mails.Code(app.Smtp.For(Email, OneTimePasswordMails.Subject)[^1]);
        Assert.Equal(4, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Email && m.Subject == OneTimePasswordMails.Subject)));

        Assert.Equal("/Home", (await SendCodeAsync(client, latest)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Parallel_submissions_of_one_code_give_exactly_one_session()
    {
        var cookies = new CookieContainer();
        using var client = app.CreateHttpClient(cookies);
        var code = await PasswordStepAsync(client);
        var reference = PendingCookie(cookies, app);

        // 10台の「ブラウザ」が同じ参照と同じコードを同時に送る（それぞれ CSRF トークンを取ってから）
        var clients = Enumerable.Range(0, 10).Select(_ =>
        {
            var jar = new CookieContainer();
            jar.Add(app.BaseUrl, new Cookie(reference.Name, reference.Value));
            return app.CreateHttpClient(jar);
        }).ToList();
        var responses = await Task.WhenAll(clients.Select(c => SendCodeAsync(c, code)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString == "/Home");
        Assert.Equal(1, await app.WithDbAsync(db => db.Sessions.CountAsync(x => x.SeekerId == SeekerId)));
        Assert.Equal(1, await app.WithDbAsync(db => db.LoginRecords.CountAsync(x => x.SeekerId == SeekerId)));
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task Under_htmx_a_correct_code_redirects_and_a_wrong_one_redraws_the_forms()
    {
        using var client = app.CreateHttpClient();
        var code = await PasswordStepAsync(client);
        var wrong = code == "000000" ? "111111" : "000000";
        var redraw = await SendCodeAsync(client, wrong, htmx: true);
        var html = await redraw.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"otp-forms\">", html.TrimStart());
        Assert.Contains("otp-code-error", html);
        var done = await SendCodeAsync(client, code, htmx: true);
        Assert.Equal("/Home", done.Headers.GetValues("HX-Redirect").Single());
    }

    [Fact]
    public async Task Keeps_the_return_url_through_the_code_step()
    {
        using var client = app.CreateHttpClient();
        var response = await Forms.LoginAsync(client, Email, Password, "/Account/Login?returnUrl=%2FSettings");
        Assert.Equal(CodePage, response.Headers.Location?.OriginalString);
        var code = Mails.Code(await app.Smtp.WaitForAsync(Email, OneTimePasswordMails.Subject));
        Assert.Equal("/Settings", (await SendCodeAsync(client, code)).Headers.Location?.OriginalString);
    }

    // 前のメールのコード（「再送する」の前、または S1 からやり直す前のログインのもの）には、「正しくありません」ではなく
    // 新しいメールを送ったからと言う。誤りとしては数える
    [Fact]
    public async Task Is_told_that_an_older_code_was_replaced_by_a_newer_mail_and_it_still_counts()
    {
        using var client = app.CreateHttpClient();
        var first = await PasswordStepAsync(client, 1);
        Assert.Contains(OneTimePasswordTexts.Resent, await (await ResendAsync(client)).Content.ReadAsStringAsync());
        var resent = Mails.Code(await app.Smtp.WaitForAsync(Email, OneTimePasswordMails.Subject, 2));
        var again = await PasswordStepAsync(client, 3); // S1 からやり直した
        var unknown = Enumerable.Range(0, 1_000_000).Select(n => n.ToString("000000", System.Globalization.CultureInfo.InvariantCulture))
            .First(c => c != first && c != resent && c != again);

        var remaining = new OneTimePasswordOptions().MaxWrongEntries;
        foreach (var older in new[] { first, resent }.Where(c => c != again)) // 6桁がたまたま同じなら、それは今のコード
            Assert.Contains(OneTimePasswordTexts.Replaced(--remaining, locks: true), Html.ErrorSummary(await (await SendCodeAsync(client, older)).Content.ReadAsStringAsync()));
        Assert.Contains(OneTimePasswordTexts.Wrong(--remaining, locks: true), Html.ErrorSummary(await (await SendCodeAsync(client, unknown)).Content.ReadAsStringAsync()));
        Assert.Equal("/Home", (await SendCodeAsync(client, again)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Stops_mailing_codes_to_someone_who_logs_in_again_and_again()
    {
        using var client = app.CreateHttpClient();
        var limit = new MyPage.Abuse.RateLimitOptions().OneTimePasswordMailsPerHour;
        for (var i = 1; i <= limit; i++) await PasswordStepAsync(client, i);
        var response = await Forms.LoginAsync(client, Email, Password);
        Assert.Equal(CodePage, response.Headers.Location?.OriginalString);
        // 送っていないコードは求めない: いつ送れるか（一通目の1時間後）と、ほかの入り方を言い、ログイン画面へ戻す
        var page = await client.GetStringAsync(CodePage);
        Assert.Contains(OneTimePasswordTexts.NotSent, page);
        var next = app.Time.GetUtcNow().AddHours(1);
        var shown = next.UtcTicks % TimeSpan.TicksPerMinute == 0 ? next : next.AddTicks(TimeSpan.TicksPerMinute - next.UtcTicks % TimeSpan.TicksPerMinute); // 分に切り上げ
        Assert.Contains(OneTimePasswordTexts.NextMailAt(MyPage.Time.JapanTime.Format(shown)), page);
        Assert.Contains(OneTimePasswordTexts.OtherWays, page);
        Assert.DoesNotContain("id=\"otp-code\"", page);
        Assert.DoesNotContain(OneTimePasswordTexts.Resend, page);
        Assert.DoesNotContain(OneTimePasswordTexts.NoMailHeading, page);
        Assert.Contains($">{OneTimePasswordTexts.BackToLogin}</a>", page);
        Assert.Equal(limit, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Email && m.Subject == OneTimePasswordMails.Subject)));

        // 一通目から1時間たてば、また送る
        app.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await Forms.LoginAsync(client, Email, Password);
        Assert.Contains(OneTimePasswordTexts.Sent(Email), await client.GetStringAsync(CodePage));
    }

    [Fact]
    public async Task A_waiting_login_started_with_an_old_password_dies_when_the_password_is_reset()
    {
        // 他人: 盗んだ（古い）パスワードで、コードの画面まで来ている
        using var attacker = app.CreateHttpClient();
        var stolenCode = await PasswordStepAsync(attacker);

        // 本人: パスワードを再登録する
        using (var seeker = app.CreateHttpClient())
        {
            await Forms.PostAsync(seeker, "/Account/ForgotPassword", new() { ["Input.Id"] = Email });
            var key = Mails.Key(await app.Smtp.WaitForAsync(Email, MyPage.PasswordReset.ResetMails.RequestSubject));
            var done = await Forms.PostAsync(seeker, "/Account/ResetPassword", new() { ["Input.NewPassword"] = "Newer-pass-3", ["Input.ConfirmPassword"] = "Newer-pass-3", ["Input.Key"] = key });
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        // 他人の「再送する」は新しいコードを送らず、前のコードも通らない
        Assert.Contains(OneTimePasswordTexts.StartOver, await (await ResendAsync(attacker)).Content.ReadAsStringAsync());
        Assert.Contains(OneTimePasswordTexts.StartOver, await (await SendCodeAsync(attacker, stolenCode)).Content.ReadAsStringAsync());
        Assert.False(await SignedInAsync(attacker));
        Assert.Single(app.Smtp.For(Email, OneTimePasswordMails.Subject));
    }

    [Fact]
    public async Task A_waiting_login_whose_password_changed_elsewhere_takes_no_code_and_no_resend()
    {
        // 取り消しのあとに割り込んだ場合の二重の守り: 始めたときのパスワード（セキュリティスタンプ）と違えば、行が生きていても受け付けない
        using var attacker = app.CreateHttpClient();
        var code = await PasswordStepAsync(attacker);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == SeekerId).ExecuteUpdateAsync(u => u.SetProperty(s => s.SecurityStamp, "changed")));
        Assert.Contains(OneTimePasswordTexts.StartOver, await (await ResendAsync(attacker)).Content.ReadAsStringAsync());
        Assert.Contains(OneTimePasswordTexts.StartOver, await (await SendCodeAsync(attacker, code)).Content.ReadAsStringAsync());
        Assert.False(await SignedInAsync(attacker));
    }

    [Fact]
    public async Task A_resend_does_not_extend_the_login_s_lifetime()
    {
        using var client = app.CreateHttpClient();
        await PasswordStepAsync(client);
        app.Time.Advance(Lifetime - TimeSpan.FromMinutes(1));
        Assert.Contains(OneTimePasswordTexts.Resent, await (await ResendAsync(client)).Content.ReadAsStringAsync());
        var resent = Mails.Code(await app.Smtp.WaitForAsync(Email, OneTimePasswordMails.Subject, 2));
        app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains(OneTimePasswordTexts.Expired(MyPage.Time.JapanTime.Format(app.Time.GetUtcNow())), await (await SendCodeAsync(client, resent)).Content.ReadAsStringAsync());
        Assert.False(await SignedInAsync(client));
    }

    [Theory]
    [InlineData("/日本")]
    [InlineData("/∕∕evil.example")]
    [InlineData("/Settings\u3000")]
    public async Task A_return_address_that_is_not_plain_ascii_goes_home_after_the_code_never_a_500(string returnUrl)
    {
        using var client = app.CreateHttpClient();
        var response = await Forms.LoginAsync(client, Email, Password, "/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(CodePage, response.Headers.Location?.OriginalString);
        var code = Mails.Code(await app.Smtp.WaitForAsync(Email, OneTimePasswordMails.Subject));
        var done = await SendCodeAsync(client, code);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/Home", done.Headers.Location?.OriginalString);
    }
}
