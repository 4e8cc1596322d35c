using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MyPage.Pages.Account;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages.Account;

// 「求職者マイページログイン」を HttpClient で (本物の Kestrel と SQLite に対して)
public class LoginTests(SiteFixture site) : LoginTest(site), IClassFixture<SiteFixture>
{
    // ログインがデータベースに送る文の数（照合のほかは安くあること: 数え、予約、求職者、ロックの戻し、日時、履歴、ブラウザ、
    // セッション）。同じ行を二度書くような重複が入れば、この数を超える
    [Fact]
    public async Task Logs_in_with_at_most_thirteen_database_statements_and_opens_the_page_with_none()
    {
        await using var site = new MyPageApp(settings: new Dictionary<string, string?>([LogCapture.SqlStatementsSetting]));
        await site.CreateSeekerAsync(Email, Password);
        using var client = site.CreateHttpClient();
        Assert.Equal("/Home", (await Forms.LoginAsync(client, Email, Password)).Headers.Location?.OriginalString);
        var statements = site.Logs.StatementsDuring("/Account/Login");
        Assert.True(statements.Count <= 13, $"{statements.Count} 文:\n" + string.Join("\n", statements.Select(s => s.Split('\n').Skip(1).FirstOrDefault())));
        Assert.Single(statements, s => s.Contains("UPDATE \"AspNetUsers\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Can_log_in_and_land_on_home()
    {
        using var client = app.CreateHttpClient();
        var response = await Forms.LoginAsync(client, Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Home", response.Headers.Location?.OriginalString);

        var home = await client.GetStringAsync("/Home");
        Assert.Contains("<h1>求職者マイページホーム</h1>", home);
    }

    [Fact]
    public async Task Can_log_in_with_a_full_width_id_with_spaces_around_it()
    {
        using var client = app.CreateHttpClient();
        var fullWidth = string.Concat(Email.Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + '！') : c)).ToUpperInvariant();
        var response = await Forms.LoginAsync(client, "\u3000" + fullWidth + " ", Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Can_log_in_through_htmx_and_get_an_hx_redirect()
    {
        using var client = app.CreateHttpClient();
        var response = await Forms.LoginAsync(client, Email, Password, htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/Home", response.Headers.GetValues("HX-Redirect").Single());
    }

    [Fact]
    public async Task Can_return_to_a_local_return_url()
    {
        using var client = app.CreateHttpClient();
        var response = await Forms.LoginAsync(client, Email, Password, "/Account/Login?returnUrl=%2FSettings");
        Assert.Equal("/Settings", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/日本")]
    [InlineData("/∕∕evil.example")]
    [InlineData("/%2F%2Fevil.example")]
    public async Task Cannot_be_sent_to_another_site_after_login(string returnUrl)
    {
        using var client = app.CreateHttpClient();
        var response = await Forms.LoginAsync(client, Email, Password, "/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("/Home", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Can_return_to_a_percent_encoded_local_page()
    {
        using var client = app.CreateHttpClient();
        var response = await Forms.LoginAsync(client, Email, Password, "/Account/Login?returnUrl=" + Uri.EscapeDataString("/Messages?page=2&q=%E6%97%A5"));
        Assert.Equal("/Messages?page=2&q=%E6%97%A5", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("seeker")]
    [InlineData("seeker@")]
    [InlineData("\"a b\"@example.jp")]
    [InlineData("seeker@example")]
    public async Task Cannot_log_in_with_an_id_that_is_not_a_mail_address_and_nothing_is_counted(string id)
    {
        using var client = app.CreateHttpClient();
        var before = PasswordVerifications;
        var html = await (await Forms.LoginAsync(client, id, "Wrong-pass-1")).Content.ReadAsStringAsync();
        Assert.Contains(LoginTexts.IdInvalid, Html.ErrorSummary(html));
        Assert.Equal(before, PasswordVerifications);
        Assert.Equal(0, await app.WithDbAsync(db => db.LoginThrottles.CountAsync(t => t.IdTag == app.IdTag(MyPage.Account.LoginId.Normalize(id)))));
    }

    [Fact]
    public async Task Can_be_sent_to_login_when_not_signed_in_and_come_back()
    {
        using var client = app.CreateHttpClient();
        var response = await client.GetAsync("/Settings");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?returnUrl=%2FSettings", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Cannot_log_in_with_a_wrong_password_and_sees_one_generic_message()
    {
        using var client = app.CreateHttpClient();
        var response = await Forms.LoginAsync(client, Email, "Wrong-pass-1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(LoginTexts.Failed, html);
        Assert.Contains("<title>エラー：求職者マイページログイン", html);
        Assert.DoesNotContain("Wrong-pass-1", html);
    }

    [Fact]
    public async Task Cannot_tell_an_unknown_id_from_a_known_one()
    {
        var known = await FailedLoginAsync(Email);
        var unknown = await FailedLoginAsync(UnknownEmail);

        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(known.CookieNames, unknown.CookieNames);
        Assert.Equal(Normalise(known.Html, Email), Normalise(unknown.Html, UnknownEmail));
    }

    [Fact]
    public async Task Cannot_tell_an_unknown_id_from_a_known_one_by_the_lockout()
    {
        for (var i = 0; i < 4; i++)
        {
            await FailedLoginAsync(Email);
            await FailedLoginAsync(UnknownEmail);
        }
        var known = await FailedLoginAsync(Email);
        var unknown = await FailedLoginAsync(UnknownEmail);
        Assert.Contains(LoginTexts.Lockout, Html.Lockout(known.Html));
        Assert.Equal(Normalise(known.Html, Email), Normalise(unknown.Html, UnknownEmail));
    }

    [Fact]
    public async Task Can_lock_after_five_wrong_passwords_and_refuse_the_right_one()
    {
        for (var i = 0; i < 4; i++)
            Assert.DoesNotContain(LoginTexts.Lockout, Html.Lockout((await FailedLoginAsync(Email)).Html));

        var fifth = await FailedLoginAsync(Email);
        Assert.Contains(LoginTexts.Lockout, Html.Lockout(fifth.Html));
        Assert.Contains(LoginTexts.RetryFrom(MyPage.Time.JapanTime.Format(app.Time.GetUtcNow().AddMinutes(30))), fifth.Html);

        using var client = app.CreateHttpClient();
        var right = await Forms.LoginAsync(client, Email, Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(LoginTexts.Lockout, Html.Lockout(await right.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Cannot_extend_the_lock_by_failing_while_locked()
    {
        for (var i = 0; i < 5; i++) await FailedLoginAsync(Email);
        app.Time.Advance(TimeSpan.FromMinutes(20));
        await FailedLoginAsync(Email);
        app.Time.Advance(TimeSpan.FromMinutes(10));

        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(client, Email, Password)).StatusCode);
    }

    [Fact]
    public async Task Can_start_again_from_zero_after_a_success()
    {
        for (var i = 0; i < 4; i++) await FailedLoginAsync(Email);
        using (var client = app.CreateHttpClient())
            Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(client, Email, Password)).StatusCode);
        for (var i = 0; i < 4; i++)
            Assert.DoesNotContain(LoginTexts.Lockout, Html.Lockout((await FailedLoginAsync(Email)).Html));
    }

    [Theory]
    [InlineData(255, 8, LoginTexts.IdTooLong)]
    [InlineData(20, 129, LoginTexts.PasswordTooLong)]
    public async Task Cannot_send_too_long_input_and_nothing_is_hashed(int idLength, int passwordLength, string message)
    {
        var before = app.PasswordVerifications;
        using var client = app.CreateHttpClient();
        var id = new string('a', idLength - "@example.jp".Length) + "@example.jp";
        var response = await Forms.LoginAsync(client, id, new string('x', passwordLength));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, app.PasswordVerifications);
    }

    // 規則では使えない文字（貼り付けた末尾の空白、日本語入力のままの全角、タブ）は、正しいパスワードではありえない:
    // 照合せず、ロックにも接続元の失敗にも数えず、そう伝える。登録のある ID でもない ID でも、同じ答え。
    // 6 回続けてもロックされず、そのあと正しいパスワードで入れる
    [Theory]
    [InlineData("Right-pass-1 ")]
    [InlineData("Ｒｉｇｈｔ－ｐａｓｓ－１")]
    [InlineData("Right\tpass-1")]
    [InlineData("Right-pass-１")]
    public async Task Is_told_about_full_width_or_blank_characters_and_they_never_count_towards_the_lock(string typed)
    {
        var before = app.PasswordVerifications;
        using var client = app.CreateHttpClient();
        foreach (var id in new[] { Email, UnknownEmail })
            for (var i = 0; i < 6; i++)
            {
                var response = await Forms.LoginAsync(client, id, typed);
                var html = await response.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(LoginTexts.PasswordCharacters, Html.ErrorSummary(html));
                Assert.DoesNotContain(LoginTexts.Failed, html);
                Assert.Empty(Html.Lockout(html));
                Assert.DoesNotContain(typed, html);
            }
        Assert.Equal(before, app.PasswordVerifications);
        Assert.Equal(0, await app.WithDbAsync(db => db.LoginThrottles.CountAsync(t => t.IdTag == app.IdTag(Email) || t.IdTag == app.IdTag(UnknownEmail))));
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(client, Email, Password)).StatusCode);
    }

    [Fact]
    public async Task Cannot_log_in_with_nothing_typed_and_is_told_what_is_missing()
    {
        using var client = app.CreateHttpClient();
        var html = await (await Forms.LoginAsync(client, "", "")).Content.ReadAsStringAsync();
        Assert.Contains(LoginTexts.IdRequired, html);
        Assert.Contains(LoginTexts.PasswordRequired, html);
        Assert.Contains("aria-invalid=\"true\"", html);
    }

    [Fact]
    public async Task Can_get_only_the_form_back_through_htmx()
    {
        using var client = app.CreateHttpClient();
        var response = await Forms.LoginAsync(client, Email, "Wrong-pass-1", htmx: true);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<form id=\"login-form\"", html.TrimStart());
        Assert.DoesNotContain("<html", html);
        Assert.Contains("HX-Request", response.Headers.Vary);
        Assert.Contains(LoginTexts.Failed, html);
    }

    [Fact]
    public async Task Can_get_a_new_session_cookie_at_each_login_and_the_old_one_stops_working()
    {
        var cookies = new CookieContainer();
        using var client = app.CreateHttpClient(cookies);
        await Forms.LoginAsync(client, Email, Password);
        var first = SessionCookie(cookies);

        await Forms.LoginAsync(client, Email, Password);
        var second = SessionCookie(cookies);
        Assert.NotEqual(first, second);

        using var stale = app.CreateHttpClient();
        stale.DefaultRequestHeaders.Add("Cookie", $"__Host-mypage-session={first}");
        Assert.Equal(HttpStatusCode.Redirect, (await stale.GetAsync("/Home")).StatusCode);
    }

    [Fact]
    public async Task Can_log_out_and_the_session_is_gone_on_the_server()
    {
        var cookies = new CookieContainer();
        using var client = app.CreateHttpClient(cookies);
        await Forms.LoginAsync(client, Email, Password);
        var session = SessionCookie(cookies);

        var home = await client.GetStringAsync("/Home");
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Forms.Token(home) }),
        };
        var response = await client.SendAsync(logout);
        Assert.Equal("/Account/Login?status=signed-out", response.Headers.Location?.OriginalString);

        using var replay = app.CreateHttpClient();
        replay.DefaultRequestHeaders.Add("Cookie", $"__Host-mypage-session={session}");
        Assert.Equal(HttpStatusCode.Redirect, (await replay.GetAsync("/Home")).StatusCode);
    }

    [Fact]
    public async Task Can_record_the_previous_login_time_in_japan_time()
    {
        var first = app.Time.GetUtcNow();
        using (var firstClient = app.CreateHttpClient()) await Forms.LoginAsync(firstClient, Email, Password);
        app.Time.Advance(TimeSpan.FromDays(2));
        using var client = app.CreateHttpClient();
        await Forms.LoginAsync(client, Email, Password);
        Assert.Contains($"前回のログイン日時：<span id=\"previous-login\">{MyPage.Time.JapanTime.Format(first)}</span>", await client.GetStringAsync("/Home"));
    }

    [Fact]
    public async Task Can_log_each_success_failure_and_lock_without_the_password()
    {
        for (var i = 0; i < 5; i++) await FailedLoginAsync(Email);
        await app.WithDbAsync(db => Task.FromResult(db.LoginThrottles.Where(t => t.IdTag == app.IdTag(Email)).ExecuteDelete()));
        using (var client = app.CreateHttpClient()) await Forms.LoginAsync(client, Email, Password);

        var lines = LogLines;
        // 接続元はタグで（アドレスそのものはログに残さない）
        var tag = $"client={app.ClientLogTag(ClientAddress)} ";
        Assert.Equal(5, lines.Count(l => l.StartsWith("ログイン失敗", StringComparison.Ordinal) && l.Contains(tag)));
        Assert.Single(lines, l => l.StartsWith("アカウントロック", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("ログイン成功", StringComparison.Ordinal) && l.Contains(tag));
        Assert.DoesNotContain(lines, l => l.Contains(Password) || l.Contains("Wrong-pass") || l.Contains(Email) || l.Contains(ClientAddress));
    }

    private string SessionCookie(CookieContainer cookies)
        => cookies.GetCookies(app.BaseUrl).Single(c => c.Name == "__Host-mypage-session").Value;
}

// 本番と同じ重さの Argon2id で: 応答時間でIDの有無がわからないこと、並列の照合が5回までであること
public class LoginAtProductionCostTests(ProductionHashingSite site) : LoginTest(site), IClassFixture<ProductionHashingSite>
{
    [Fact]
    public async Task Cannot_tell_an_unknown_id_from_a_known_one_by_time()
    {
        // 先に温める（初回の JIT とダミーハッシュの生成を測らない）
        await FailedLoginAsync("warm-" + Email);
        // 既知と未知を続けて測り、組ごとの比の中央値を見る（ほかのテストの負荷は、続けて測った二つに同じようにかかる）
        var ratios = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            // 同じIDを5回誤るとロックで照合しなくなるので、既知のIDは途中で解除して測る
            if (i % 4 == 3) await app.WithDbAsync(db => Task.FromResult(db.LoginThrottles.Where(t => t.IdTag == app.IdTag(Email)).ExecuteDelete()));
            var known = (await FailedLoginAsync(Email)).Elapsed.TotalMilliseconds;
            var unknown = (await FailedLoginAsync($"{i}-" + UnknownEmail)).Elapsed.TotalMilliseconds;
            ratios.Add(unknown / known);
        }
        Assert.InRange(Median(ratios), 0.5, 2.0);
    }

    [Fact]
    public async Task Cannot_be_brute_forced_by_fifty_parallel_requests()
    {
        var before = app.PasswordVerifications;
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var client = app.CreateHttpClient();
            var response = await Forms.LoginAsync(client, Email, $"Wrong-pass-{i}");
            var html = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, Html: Html.ErrorSummary(html) + Html.Lockout(html));
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.InRange(app.PasswordVerifications - before, 1, 5);
        // 照合できた5件のうち4件は「正しくありません」、5件目と残り45件はロックの文言
        Assert.Equal(4, responses.Count(r => r.Html.Contains(LoginTexts.Failed)));
        Assert.Equal(46, responses.Count(r => r.Html.Contains(LoginTexts.Lockout)));
        Assert.Single(LogLines, l => l.StartsWith("アカウントロック", StringComparison.Ordinal));
        Assert.DoesNotContain(LogLines, l => l.Contains("database is locked"));
    }

    // Argon2id は一回に 19 MiB を持つ。同時のログインがいくつ来ても、計算はコアの数までで、残りは列で待つ
    // （待ちはメモリではなく応答の時間に出る）。64 件はどれも答えを受け取り、5xx はない
    [Fact]
    public async Task Hashes_at_most_one_password_per_core_at_a_time_under_a_flood_and_answers_every_login()
    {
        var seekers = Enumerable.Range(0, 4).Select(i => $"flood{i}-{Email}").ToList();
        foreach (var seeker in seekers) await app.CreateSeekerAsync(seeker, Password);
        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            using var client = app.CreateHttpClient();
            // 4 件は正しいパスワード、残りは登録のない ID（同じ重さの照合をする）
            var response = i < seekers.Count ? await Forms.LoginAsync(client, seekers[i], Password) : await Forms.LoginAsync(client, $"flood-unknown{i}-{Email}", "Wrong-pass-1");
            return (i, response.StatusCode, response.Headers.Location?.OriginalString, Html: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.Equal(r.i < seekers.Count ? HttpStatusCode.Redirect : HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses.Where(r => r.i < seekers.Count), r => Assert.Equal("/Home", r.OriginalString));
        Assert.All(responses.Where(r => r.i >= seekers.Count), r => Assert.Contains(LoginTexts.Failed, r.Html));
        Assert.InRange(app.MaxHashesInFlight, 1, Environment.ProcessorCount);
    }
}

public abstract class LoginTest(SiteFixture site) : SeekerTest(site)
{
    protected async Task<(HttpStatusCode Status, string Html, string CookieNames, TimeSpan Elapsed)> FailedLoginAsync(string id)
    {
        var cookies = new CookieContainer();
        using var client = app.CreateHttpClient(cookies);
        var page = await client.GetStringAsync("/Account/Login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Forms.Token(page),
                ["Input.Id"] = id,
                ["Input.Password"] = "Wrong-pass-1",
            }),
        };
        var watch = Stopwatch.StartNew();
        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        watch.Stop();
        var names = string.Join(",", response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split('=')[0]).Order() : []);
        return (response.StatusCode, html, names, watch.Elapsed);
    }

    // CSRF トークンと入力したIDだけは応答ごとに違ってよい
    protected static string Normalise(string html, string typedId)
        => Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "TOKEN").Replace(typedId, "ID");

    protected static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
