using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MyPage.Pages.Account;
using MyPage.PasswordReset;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages.Account;

// パスワード再登録 (S2 → メール → S3 → S4) を HttpClient で。メールは本物の SMTP サーバーが受ける。
// 認証キー、申込みの数、競り合う完了はデータベースが決めるので、SQLite と PostgreSQL の両方で
public class PasswordResetTests(SiteFixture site) : PasswordResetTest(site), IClassFixture<SiteFixture>;

[Trait("Category", "PostgreSQL")]
public class PasswordResetOnPostgreSqlTests(PasswordResetOnPostgreSqlTests.Site site) : PasswordResetTest(site), IClassFixture<PasswordResetOnPostgreSqlTests.Site>
{
    public sealed class Site() : SiteFixture(null, Store.PostgreSql);
}

public abstract class PasswordResetTest(SiteFixture site) : SeekerTest(site)
{
    private const string NewPassword = "New-pass-2026";

    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, string id, bool htmx = false)
        => Forms.PostAsync(client, "/Account/ForgotPassword", new() { ["Input.Id"] = id }, htmx);

    private static Task<HttpResponseMessage> CompleteAsync(HttpClient client, string key, string password = NewPassword, string? confirm = null, bool htmx = false)
        => Forms.PostAsync(client, "/Account/ResetPassword", new()
        {
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
            ["Input.Key"] = key,
        }, htmx);

    private async Task<string> MailedKeyAsync(int count = 1)
        => Mails.Key(await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject, count));

    private async Task<HttpStatusCode> LoginStatusAsync(string password)
    {
        using var client = app.CreateHttpClient();
        return (await Forms.LoginAsync(client, Email, password)).StatusCode;
    }

    [Fact]
    public async Task Can_read_in_the_completion_mail_whether_a_mynaportal_link_stays()
    {
        using (var client = app.CreateHttpClient())
        {
            await RequestAsync(client, Email);
            await CompleteAsync(client, await MailedKeyAsync());
        }
        Assert.Contains("マイナポータルと連携していません", (await app.Smtp.WaitForAsync(Email, ResetMails.CompletedSubject)).TextBody, StringComparison.Ordinal);

        // 連携したまま再登録すると、いつからの連携かと、解除の仕方が書かれる
        var linkedAt = app.Time.GetUtcNow().AddDays(-3);
        await app.WithDbAsync(async db =>
        {
            var seeker = await db.Users.SingleAsync(u => u.Email == Email);
            db.MynaportalLinks.Add(new() { SeekerId = seeker.Id, Issuer = "https://mynaportal.example", Subject = "someone", LinkedAt = linkedAt });
            return await db.SaveChangesAsync();
        });
        using (var client = app.CreateHttpClient())
        {
            await RequestAsync(client, Email);
            await CompleteAsync(client, await MailedKeyAsync(2), "Newer-pass-2026");
        }
        var body = (await app.Smtp.WaitForAsync(Email, ResetMails.CompletedSubject, 2)).TextBody;
        Assert.Contains($"{MyPage.Time.JapanTime.Format(linkedAt)} からマイナポータルと連携しています", body, StringComparison.Ordinal);
        Assert.Contains("「連携解除」", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Can_reset_the_password_with_the_mailed_key()
    {
        using var client = app.CreateHttpClient();
        var requested = await RequestAsync(client, Email);
        Assert.Equal("/Account/ResetPassword", requested.Headers.Location?.OriginalString);

        var mail = await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject);
        Assert.Equal("system@mail.hellowork.mhlw.go.jp", mail.From.Mailboxes.Single().Address);
        Assert.Contains($"{MyPage.Time.JapanTime.Format(app.Time.GetUtcNow().AddMinutes(50))} まで有効", mail.TextBody);

        var done = await CompleteAsync(client, Mails.Key(mail));
        Assert.Equal("/Account/ResetPasswordDone", done.Headers.Location?.OriginalString);
        Assert.Contains(PasswordResetTexts.Done, await client.GetStringAsync("/Account/ResetPasswordDone"));

        await app.Smtp.WaitForAsync(Email, ResetMails.CompletedSubject);
        Assert.Equal(HttpStatusCode.Redirect, await LoginStatusAsync(NewPassword));
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(Password));
    }

    [Fact]
    public async Task Can_type_the_key_in_full_width_with_a_hyphen_through_htmx()
    {
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email, htmx: true);
        var key = await MailedKeyAsync();
        var typed = string.Concat(key[..4].Select(c => (char)(c - '0' + '０'))) + "－" + key[4..];
        var response = await CompleteAsync(client, typed, htmx: true);
        Assert.Equal("/Account/ResetPasswordDone", response.Headers.GetValues("HX-Redirect").Single());
    }

    [Fact]
    public async Task Cannot_use_a_key_a_second_time()
    {
        using var client = app.CreateHttpClient();
        var cookies = await RequestAndKeepCookieAsync(client);
        var key = await MailedKeyAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(client, key)).StatusCode);

        // 完了で Cookie は消えるので、同じ申込みの参照を持ったまま送り直す
        using var replay = app.CreateHttpClient();
        replay.DefaultRequestHeaders.Add("Cookie", cookies);
        var again = await CompleteAsync(replay, key, "Another-pass-1");
        Assert.Contains(PasswordResetTexts.KeyVoid, Html.ErrorSummary(await again.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, await LoginStatusAsync(NewPassword));
    }

    [Fact]
    public async Task Cannot_use_a_key_after_five_wrong_entries()
    {
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        var key = await MailedKeyAsync();
        var wrong = key == "00000000" ? "11111111" : "00000000";
        for (var i = 1; i <= 5; i++)
        {
            var summary = Html.ErrorSummary(await (await CompleteAsync(client, wrong)).Content.ReadAsStringAsync());
            Assert.Contains(i < 5 ? PasswordResetTexts.KeyWrong : PasswordResetTexts.KeyVoid, summary);
        }
        var sixth = await CompleteAsync(client, key);
        Assert.Contains(PasswordResetTexts.KeyVoid, Html.ErrorSummary(await sixth.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, await LoginStatusAsync(Password));
    }

    [Fact]
    public async Task Cannot_use_an_older_key_after_the_same_browser_asked_for_a_newer_one()
    {
        // 同じブラウザが二度申し込む: 前の申込みの参照 (Cookie) を持って S2 を送るので、前のキーは使えなくなる
        var cookies = new CookieContainer();
        using var browser = app.CreateHttpClient(cookies);
        var firstReference = await RequestAndKeepCookieAsync(browser);
        var older = await MailedKeyAsync(1);
        await RequestAsync(browser, Email);
        var newer = await MailedKeyAsync(2);

        using var replay = app.CreateHttpClient();
        replay.DefaultRequestHeaders.Add("Cookie", firstReference);
        var refused = await CompleteAsync(replay, older);
        Assert.Contains(PasswordResetTexts.KeyVoid, Html.ErrorSummary(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(browser, newer)).StatusCode);
    }

    // 同じブラウザで二度申し込んだあと、前のメールのキーを S3 に入れた: 「正しくありません」ではなく、新しいメールを送ったからと言う。
    // 誤りとしては数える（5回で無効）
    [Fact]
    public async Task Is_told_that_an_older_key_was_replaced_by_a_newer_mail_and_it_still_counts()
    {
        using var browser = app.CreateHttpClient(new CookieContainer());
        await RequestAsync(browser, Email);
        var older = await MailedKeyAsync(1);
        await RequestAsync(browser, Email);
        var newer = await MailedKeyAsync(2);

        var replaced = await CompleteAsync(browser, older);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Contains(PasswordResetTexts.KeyReplaced, Html.ErrorSummary(await replaced.Content.ReadAsStringAsync()));
        var wrong = await CompleteAsync(browser, newer == "11111111" ? "22222222" : "11111111");
        Assert.Contains(PasswordResetTexts.KeyWrong, Html.ErrorSummary(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.PasswordResetRequests.Where(r => r.SeekerId == SeekerId && r.VoidedAt == null).Select(r => r.FailedAttempts).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(browser, newer)).StatusCode);
    }

    [Fact]
    public async Task Can_use_the_own_key_after_a_stranger_asked_for_ten_more_with_solved_checks()
    {
        // 本人のブラウザ
        using var seeker = app.CreateHttpClient(new CookieContainer());
        await RequestAsync(seeker, Email);
        var own = await MailedKeyAsync(1);

        // 他人: 同じ ID に、人の確認を解きながら申込みを10回（Cookie は持たない。接続元も別）
        using var stranger = app.CreateHttpClient();
        stranger.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        for (var i = 0; i < 10; i++)
        {
            var response = await RequestAsync(stranger, Email);
            if (BotChecks.Asked(await response.Content.ReadAsStringAsync()))
                response = await Forms.PostAsync(stranger, "/Account/ForgotPassword", new()
                {
                    ["Input.Id"] = Email,
                    ["BotCheck"] = BotChecks.Solve(await stranger.GetStringAsync("/Account/ForgotPassword?check=1")),
                });
            Assert.Equal("/Account/ResetPassword", response.Headers.Location?.OriginalString);
        }
        Assert.True(app.Smtp.For(Email, ResetMails.RequestSubject).Count > 1, "他人の申込みでもメールは届く");

        // 本人のブラウザのキーは、使えるまま
        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(seeker, own)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await LoginStatusAsync(NewPassword));
    }

    [Fact]
    public async Task Can_complete_only_once_when_two_completions_race()
    {
        using var client = app.CreateHttpClient();
        var cookie = await RequestAndKeepCookieAsync(client);
        var key = await MailedKeyAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            using var racer = app.CreateHttpClient();
            racer.DefaultRequestHeaders.Add("Cookie", cookie);
            return await CompleteAsync(racer, key, $"Racer-pass-{i}");
        }));
        Assert.Single(attempts, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(attempts, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(await Task.WhenAll(((string[])["Racer-pass-0", "Racer-pass-1"]).Select(LoginStatusAsync)), s => s == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Can_use_the_key_at_49_minutes_59_seconds()
    {
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        var key = await MailedKeyAsync();
        app.Time.Advance(TimeSpan.FromMinutes(50) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(client, key)).StatusCode);
    }

    [Fact]
    public async Task Cannot_use_the_key_at_50_minutes()
    {
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        var key = await MailedKeyAsync();
        app.Time.Advance(TimeSpan.FromMinutes(50));
        var response = await CompleteAsync(client, key);
        Assert.Contains(PasswordResetTexts.KeyVoid, Html.ErrorSummary(await response.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, await LoginStatusAsync(Password));
    }

    [Fact]
    public async Task Cannot_tell_an_unknown_id_from_a_known_one_on_s3_and_it_gets_no_mail()
    {
        using var known = app.CreateHttpClient();
        var knownRequest = await RequestAsync(known, Email);
        var knownPage = await known.GetStringAsync("/Account/ResetPassword");
        using var unknown = app.CreateHttpClient();
        var unknownRequest = await RequestAsync(unknown, UnknownEmail);
        var unknownPage = await unknown.GetStringAsync("/Account/ResetPassword");

        Assert.Equal(knownRequest.StatusCode, unknownRequest.StatusCode);
        Assert.Equal(knownRequest.Headers.Location, unknownRequest.Headers.Location);
        Assert.Equal(CookieNames(knownRequest), CookieNames(unknownRequest));
        Assert.Equal(WithoutToken(knownPage), WithoutToken(unknownPage));

        // 登録のないIDの申込みでは、どのキーも誤りと同じように失敗し、5回で無効になる
        for (var i = 1; i <= 5; i++)
        {
            var summary = Html.ErrorSummary(await (await CompleteAsync(unknown, $"1234567{i}")).Content.ReadAsStringAsync());
            Assert.Contains(i < 5 ? PasswordResetTexts.KeyWrong : PasswordResetTexts.KeyVoid, summary);
        }
        await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject);
        Assert.DoesNotContain(app.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == UnknownEmail));
    }

    // 一つの ID への申込みは1時間に3回まで確認なしで受け付け、4回目からは人の確認を求める。
    // 登録のない ID でもまったく同じに求める（確認が出るかどうかで ID の有無はわからない）
    [Fact]
    public async Task Asks_for_a_bot_check_after_three_requests_an_hour_for_one_id_known_or_not()
    {
        var fourth = new List<string>();
        foreach (var id in new[] { Email, UnknownEmail })
        {
            for (var i = 1; i <= new MyPage.Abuse.RateLimitOptions().ResetRequestsPerIdPerHour; i++)
            {
                using var client = app.CreateHttpClient();
                Assert.Equal("/Account/ResetPassword", (await RequestAsync(client, id)).Headers.Location?.OriginalString);
            }
            using var last = app.CreateHttpClient();
            var response = await RequestAsync(last, id);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(BotChecks.Asked(html));
            fourth.Add(Regex.Replace(WithoutToken(html), "data-challenge=\"[^\"]*\"", "").Replace(id, "ID", StringComparison.Ordinal));
        }
        Assert.Equal(fourth[0], fourth[1]);
        await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject, new MyPage.Abuse.RateLimitOptions().ResetRequestsPerIdPerHour);
        Assert.Equal(new MyPage.Abuse.RateLimitOptions().ResetRequestsPerIdPerHour, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Email)));

        app.Time.Advance(TimeSpan.FromHours(1));
        using (var later = app.CreateHttpClient())
            Assert.Equal("/Account/ResetPassword", (await RequestAsync(later, Email)).Headers.Location?.OriginalString);
        await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject, new MyPage.Abuse.RateLimitOptions().ResetRequestsPerIdPerHour + 1);
    }

    [Fact]
    public async Task Asks_for_a_bot_check_after_ten_requests_an_hour_from_one_address()
    {
        for (var i = 0; i < new MyPage.Abuse.RateLimitOptions().ResetRequestsPerClientPerHour; i++)
        {
            using var other = app.CreateHttpClient();
            await RequestAsync(other, $"other{i}-{Email}");
        }
        using var client = app.CreateHttpClient();
        var response = await RequestAsync(client, Email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(BotChecks.Asked(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Email)));
        Assert.Equal(new MyPage.Abuse.RateLimitOptions().ResetRequestsPerClientPerHour, await app.WithDbAsync(db => db.PasswordResetRequests.CountAsync(r => r.ClientTag == app.ClientCountingTag(ClientAddress))));
    }

    [Fact]
    public async Task Cannot_use_up_the_key_with_a_wrong_field_and_the_key_is_kept_but_never_the_password()
    {
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        var key = await MailedKeyAsync();

        for (var i = 0; i < 6; i++)
        {
            var mismatch = await (await CompleteAsync(client, key, NewPassword, "Other-pass-1")).Content.ReadAsStringAsync();
            Assert.Contains(PasswordResetTexts.ConfirmMismatch, Html.ErrorSummary(mismatch));
            Assert.Contains($"value=\"{key}\"", mismatch);
            // パスワードは HTML に書き戻さない。規則は欄の横に出ている
            Assert.DoesNotContain(NewPassword, mismatch);
            Assert.DoesNotContain("Other-pass-1", mismatch);
            Assert.Contains(MyPage.Account.PasswordRule.Hint, mismatch);
        }
        var weak = await (await CompleteAsync(client, key, "abcdefgh")).Content.ReadAsStringAsync();
        Assert.Contains(MyPage.Account.PasswordRule.Mix, Html.ErrorSummary(weak));
        var fullWidth = await (await CompleteAsync(client, key, "Ａbcdefg1!")).Content.ReadAsStringAsync();
        Assert.Contains(MyPage.Account.PasswordRule.FullWidth, Html.ErrorSummary(fullWidth));
        var badKey = await (await CompleteAsync(client, "12ab")).Content.ReadAsStringAsync();
        Assert.Contains(PasswordResetTexts.KeyFormat, Html.ErrorSummary(badKey));
        Assert.DoesNotContain(NewPassword, badKey);
        var wrongKey = await (await CompleteAsync(client, key == "00000000" ? "11111111" : "00000000")).Content.ReadAsStringAsync();
        Assert.Contains(PasswordResetTexts.KeyWrong, Html.ErrorSummary(wrongKey));
        Assert.DoesNotContain(NewPassword, wrongKey);

        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(client, key)).StatusCode);
    }

    [Fact]
    public async Task Can_get_only_the_form_back_through_htmx()
    {
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        var response = await CompleteAsync(client, "12345678", "x", htmx: true);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<form id=\"reset-password-form\"", html.TrimStart());
        Assert.Contains("HX-Request", response.Headers.Vary);

        var s2 = await (await RequestAsync(client, "", htmx: true)).Content.ReadAsStringAsync();
        Assert.StartsWith("<form id=\"forgot-password-form\"", s2.TrimStart());
        Assert.Contains(LoginTexts.IdRequired, s2);
    }

    [Theory]
    [InlineData("", "ID(メールアドレス)を入力してください。")]
    [InlineData("not-a-mail-address", PasswordResetTexts.IdInvalid)]
    public async Task Cannot_request_with_a_bad_id_and_nothing_is_recorded(string id, string message)
    {
        using var client = app.CreateHttpClient();
        var response = await RequestAsync(client, id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.ErrorSummary(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.PasswordResetRequests.CountAsync(r => r.ClientTag == app.ClientCountingTag(ClientAddress))));
    }

    [Fact]
    public async Task Cannot_open_s3_without_a_request_from_this_browser()
    {
        using var client = app.CreateHttpClient();
        var html = await client.GetStringAsync("/Account/ResetPassword");
        Assert.Contains(PasswordResetTexts.StartOver, Html.ErrorSummary(html));
        Assert.Contains("href=\"/Account/ForgotPassword\"", html);
        Assert.DoesNotContain("name=\"Input.Key\"", html);
    }

    [Fact]
    public async Task Can_clear_a_lockout_by_resetting()
    {
        for (var i = 0; i < 5; i++) await LoginStatusAsync("Wrong-pass-1");
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        await CompleteAsync(client, await MailedKeyAsync());
        Assert.Equal(HttpStatusCode.Redirect, await LoginStatusAsync(NewPassword));
    }

    [Fact]
    public async Task Can_end_every_other_session_at_once_and_is_not_signed_in()
    {
        using var signedIn = app.CreateHttpClient();
        await Forms.LoginAsync(signedIn, Email, Password);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/Home")).StatusCode);

        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        await CompleteAsync(client, await MailedKeyAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.GetAsync("/Home")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Home")).StatusCode);
    }

    [Fact]
    public async Task Can_finish_after_the_site_restarts_between_s2_and_s3()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mypage-reset-restart-{Guid.NewGuid():N}.db");
        var cookies = new CookieContainer();
        string key;
        await using (var before = new MyPageApp(path, keepDatabase: true))
        {
            await before.CreateSeekerAsync("restart@example.jp", Password);
            using var client = before.CreateHttpClient(cookies);
            await RequestAsync(client, "restart@example.jp");
            key = Mails.Key(await before.Smtp.WaitForAsync("restart@example.jp", ResetMails.RequestSubject));
        }
        await using var after = new MyPageApp(path);
        using var resumed = after.CreateHttpClient(cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(resumed, key)).StatusCode);
    }

    private async Task<string> RequestAndKeepCookieAsync(HttpClient client)
    {
        var response = await RequestAsync(client, Email);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PasswordResetTexts.ResetCookie, StringComparison.Ordinal)).Split(';')[0];
    }

    private static string CookieNames(HttpResponseMessage r)
        => string.Join(",", r.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split('=')[0]).Order() : []);

    private static string WithoutToken(string html)
        => Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "TOKEN");
}
