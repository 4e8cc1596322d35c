using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MyPage.Pages.Account;
using MyPage.Pages.Settings;
using MyPage.PasswordReset;
using MyPage.Passkeys;
using MyPage.Tests.Infrastructure;
using PasskeyBenchmark;

namespace MyPage.Tests.Passkeys;

// パスキーを HttpClient で（ブラウザの代わりに SoftwarePasskey が答えを作る。サイトの確かめは本物の Identity）。
// 壊れた答えと上限、取り消し（退会、再登録、他の端末からのログアウト）。SQLite と PostgreSQL の両方で同じ試験
public class PasskeyOnSqliteTests(PasskeyOnSqliteTests.Site site) : PasskeyTests(site), IClassFixture<PasskeyOnSqliteTests.Site>
{
    public sealed class Site() : SiteFixture(null, localhost: true);
}

[Trait("Category", "PostgreSQL")]
public class PasskeyOnPostgreSqlTests(PasskeyOnPostgreSqlTests.Site site) : PasskeyTests(site), IClassFixture<PasskeyOnPostgreSqlTests.Site>
{
    public sealed class Site() : SiteFixture(null, Store.PostgreSql, localhost: true);
}

public abstract partial class PasskeyTests(SiteFixture site) : SeekerTest(site)
{
    // ID・パスワードでログインしたクライアント（Chrome（Linux）と名乗る）
    private async Task<HttpClient> SignedInAsync()
    {
        var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(client, Email, Password)).StatusCode);
        return client;
    }

    private HttpClient Client(CookieContainer? cookies = null)
    {
        var client = app.CreateHttpClient(cookies);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(MyPageApp.ChromiumUserAgent);
        return client;
    }

    // 「パスキーを登録する」の一歩め: パスワードを送り、作成の選択肢（なければ画面の HTML）を返す
    private static async Task<(string? Options, string Html)> CreationOptionsAsync(HttpClient client, string password = Password)
    {
        var response = await Forms.PostAsync(client, "/Settings/Security?handler=PasskeyOptions", new() { ["Input.Password"] = password }, htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var options = CreationOptionsAttribute().Match(html);
        return (options.Success ? WebUtility.HtmlDecode(options.Groups[1].Value) : null, html);
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, string credential)
        => Forms.PostAsync(client, "/Settings/Security?handler=PasskeyAdd", new() { ["Credential"] = credential });

    private async Task<SoftwarePasskey> RegisterAsync(HttpClient client, bool counts = true)
    {
        var passkey = new SoftwarePasskey(app.BaseUrl, counts);
        var (options, html) = await CreationOptionsAsync(client);
        Assert.True(options is not null, html);
        var added = await AddAsync(client, passkey.Register(options));
        Assert.Equal("/Settings/Security?status=passkey-added", added.Headers.Location?.OriginalString);
        return passkey;
    }

    // S1 の問題（ID は送らない）
    private static async Task<string> RequestOptionsAsync(HttpClient client)
    {
        var response = await Forms.PostAsync(client, "/Account/Login?handler=PasskeyOptions", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<HttpResponseMessage> PasskeyLoginAsync(HttpClient client, string credential, string returnUrl = "")
        => Forms.PostAsync(client, "/Account/Login?handler=Passkey", new() { ["Credential"] = credential, ["ReturnUrl"] = returnUrl });

    // 断られた: 500 でもリダイレクトでもなく、S1 がエラーのまとめに同じ文言を出す
    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(LoginTexts.PasskeyFailed, html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Can_register_a_passkey_and_log_in_with_it_alone()
    {
        using var phone = await SignedInAsync();
        var passkey = await RegisterAsync(phone);
        var stored = await app.WithDbAsync(db => db.UserPasskeys.AsNoTracking().SingleAsync(p => p.UserId == SeekerId));
        Assert.Equal("Chrome（Linux）", stored.Data.Name);
        Assert.Equal(app.Time.GetUtcNow().ToUnixTimeMilliseconds(), stored.Data.CreatedAt.ToUnixTimeMilliseconds());
        Assert.Null(stored.LastUsedAt);
        var mail = await app.Smtp.WaitForAsync(Email, PasskeyMails.RegisteredSubject);
        Assert.Contains(MyPage.Time.JapanTime.Format(app.Time.GetUtcNow()), mail.TextBody);

        // 別のブラウザ: ID もパスワードもなしに
        app.Time.Advance(TimeSpan.FromMinutes(1));
        using var other = Client();
        var response = await PasskeyLoginAsync(other, passkey.Assert(await RequestOptionsAsync(other)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Home", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/Home")).StatusCode);
        var used = await app.WithDbAsync(db => db.UserPasskeys.AsNoTracking().SingleAsync(p => p.UserId == SeekerId));
        Assert.Equal(app.Time.GetUtcNow().ToUnixTimeMilliseconds(), used.LastUsedAt?.ToUnixTimeMilliseconds());
        Assert.Equal(1u, used.Data.SignCount);
        Assert.Equal("passkey", await app.WithDbAsync(db => db.LoginRecords.Where(r => r.SeekerId == SeekerId).OrderByDescending(r => r.At).Select(r => r.Method).FirstAsync()));
        Assert.Contains(LogLines, l => l.StartsWith("ログイン成功（パスキー）", StringComparison.Ordinal));
    }

    // 来た画面へ戻る（S1 のフォームの ReturnUrl を、答えと一緒に送る）。外のサイトへは戻らない
    [Fact]
    public async Task Lands_on_the_page_the_seeker_came_from()
    {
        using var phone = await SignedInAsync();
        var passkey = await RegisterAsync(phone);
        using var client = Client();
        var back = await PasskeyLoginAsync(client, passkey.Assert(await RequestOptionsAsync(client)), "/Settings/Security");
        Assert.Equal("/Settings/Security", back.Headers.Location?.OriginalString);
        using var other = Client();
        var outside = await PasskeyLoginAsync(other, passkey.Assert(await RequestOptionsAsync(other)), "https://example.com/");
        Assert.Equal("/Home", outside.Headers.Location?.OriginalString);
    }

    // 問題を出す要求は誰の ID も受け取らず、誰のパスキーも並べない（どの ID があるかが分からない）
    [Fact]
    public async Task Asks_for_no_id_and_names_no_passkey_in_the_login_options()
    {
        using var phone = await SignedInAsync();
        await RegisterAsync(phone);
        using var anonymous = Client();
        var options = JsonNode.Parse(await RequestOptionsAsync(anonymous))!;
        Assert.Equal(app.BaseUrl.Host, options["rpId"]!.GetValue<string>());
        Assert.Equal("required", options["userVerification"]!.GetValue<string>());
        Assert.True(options["allowCredentials"] is null || options["allowCredentials"]!.AsArray().Count == 0);
        Assert.DoesNotContain(Email, options.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cannot_replay_an_assertion_even_with_its_challenge_cookie()
    {
        using var phone = await SignedInAsync();
        // 署名の回数を数えないパスキー: 送り直しを止めるのは、問題を一度だけにすることだけ
        var passkey = await RegisterAsync(phone, counts: false);
        var cookies = new CookieContainer();
        using var first = Client(cookies);
        var assertion = passkey.Assert(await RequestOptionsAsync(first));
        var challengeCookie = cookies.GetCookies(app.BaseUrl)[PasskeyChallenges.CookieName]!;
        Assert.Equal(HttpStatusCode.Redirect, (await PasskeyLoginAsync(first, assertion)).StatusCode);

        // 写した答えと問題の Cookie を、別のクライアントから送り直す
        var copied = new CookieContainer();
        copied.Add(app.BaseUrl, new Cookie(challengeCookie.Name, challengeCookie.Value, "/") { Secure = true });
        using var attacker = Client(copied);
        await AssertRefusedAsync(await PasskeyLoginAsync(attacker, assertion));
        Assert.Contains(LogLines, l => l.Contains("reason=replayed", StringComparison.Ordinal));
        // 同じブラウザからの送り直し（Cookie は答えを調べたときに消えた）
        await AssertRefusedAsync(await PasskeyLoginAsync(first, assertion));
        Assert.Equal(1, await app.WithDbAsync(db => db.LoginRecords.CountAsync(r => r.SeekerId == SeekerId && r.Method == "passkey")));
    }

    [Fact]
    public async Task Cannot_log_in_with_an_assertion_for_another_rp_id()
    {
        using var phone = await SignedInAsync();
        var passkey = await RegisterAsync(phone);
        using var client = Client();
        await AssertRefusedAsync(await PasskeyLoginAsync(client, passkey.Assert(await RequestOptionsAsync(client), forRpId: "mypage.example.jp")));
        Assert.Equal(0, await app.WithDbAsync(db => db.LoginRecords.CountAsync(r => r.SeekerId == SeekerId && r.Method == "passkey")));
    }

    // 問題は5分で切れる（ログインも登録も）
    [Fact]
    public async Task Cannot_answer_a_challenge_after_five_minutes()
    {
        using var phone = await SignedInAsync();
        var passkey = await RegisterAsync(phone);
        using var client = Client();
        var options = await RequestOptionsAsync(client);
        app.Time.Advance(PasskeyChallenges.Lifetime + TimeSpan.FromSeconds(1));
        await AssertRefusedAsync(await PasskeyLoginAsync(client, passkey.Assert(options)));

        using var again = await SignedInAsync();
        var (creation, _) = await CreationOptionsAsync(again);
        app.Time.Advance(PasskeyChallenges.Lifetime + TimeSpan.FromSeconds(1));
        var late = await AddAsync(again, new SoftwarePasskey(app.BaseUrl).Register(creation!));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains(PasskeyTexts.RegisterFailed, await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.UserPasskeys.CountAsync(p => p.UserId == SeekerId)));
    }

    // 退会: パスキーはすべて消え、端末に残ったパスキーでは入れない
    [Fact]
    public async Task Cannot_log_in_with_the_passkey_of_a_withdrawn_seeker()
    {
        using var phone = await SignedInAsync();
        var passkey = await RegisterAsync(phone);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(phone, "/Settings/Withdraw", new() { ["Input.Password"] = Password })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.UserPasskeys.CountAsync(p => p.UserId == SeekerId)));
        Assert.Contains(LogLines, l => l.Contains("reason=Withdrawal", StringComparison.Ordinal) && l.Contains("Passkeys=1", StringComparison.Ordinal));

        using var client = Client();
        await AssertRefusedAsync(await PasskeyLoginAsync(client, passkey.Assert(await RequestOptionsAsync(client))));
    }

    // 11個めは断る: パスワードのあとの一歩めで、そして同時に作った分は保存の前にもう一度数えて
    [Fact]
    public async Task Cannot_register_an_eleventh_passkey()
    {
        using var phone = await SignedInAsync();
        for (var i = 0; i < 9; i++) await RegisterAsync(phone);
        // 9個のとき: 一歩めは通る。その間にほかの端末が10個めを登録した
        var (late, _) = await CreationOptionsAsync(phone);
        using var laptop = await SignedInAsync();
        await RegisterAsync(laptop);
        var refused = await AddAsync(phone, new SoftwarePasskey(app.BaseUrl).Register(late!));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(PasskeyTexts.TooMany(10), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 10個: 一歩めで断り、画面もそう言う
        var (options, html) = await CreationOptionsAsync(phone);
        Assert.Null(options);
        Assert.Contains(PasskeyTexts.TooMany(10), html, StringComparison.Ordinal);
        Assert.Contains(PasskeyTexts.TooMany(10), await phone.GetStringAsync("/Settings/Security"), StringComparison.Ordinal);
        Assert.Equal(10, await app.WithDbAsync(db => db.UserPasskeys.CountAsync(p => p.UserId == SeekerId)));
    }

    // 登録の前のパスワードは、ログインと同じロックの回数に数える
    [Fact]
    public async Task Counts_a_wrong_password_before_registering_towards_the_lockout()
    {
        using var phone = await SignedInAsync();
        var (options, html) = await CreationOptionsAsync(phone, "Wrong-pass-1");
        Assert.Null(options);
        Assert.Contains(SettingsTexts.WrongPassword, html, StringComparison.Ordinal);
        Assert.Contains(LogLines, l => l.StartsWith("パスキー登録のパスワード確認失敗", StringComparison.Ordinal));
    }

    // 再登録はパスキーを消さない。完了のメールが一覧と「ログインの安全」を知らせる
    [Fact]
    public async Task A_password_reset_keeps_passkeys_and_lists_them_in_its_mail()
    {
        using var phone = await SignedInAsync();
        var passkey = await RegisterAsync(phone);
        using var browser = Client();
        await Forms.PostAsync(browser, "/Account/ForgotPassword", new() { ["Input.Id"] = Email });
        var key = Mails.Key(await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject));
        var done = await Forms.PostAsync(browser, "/Account/ResetPassword", new() { ["Input.NewPassword"] = "Newer-pass-9", ["Input.ConfirmPassword"] = "Newer-pass-9", ["Input.Key"] = key });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var mail = await app.Smtp.WaitForAsync(Email, ResetMails.CompletedSubject);
        Assert.Contains($"・Chrome（Linux）（{MyPage.Time.JapanTime.Format(app.Time.GetUtcNow())} に登録）", mail.TextBody);
        Assert.Contains(new Uri(app.BaseUrl, "/Settings/Security").ToString(), mail.TextBody);
        using var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PasskeyLoginAsync(client, passkey.Assert(await RequestOptionsAsync(client)))).StatusCode);
    }

    // 「他の端末からログアウトする」は、パスキーで始めたセッションも終える（パスキーは残る）
    [Fact]
    public async Task Signing_out_other_devices_ends_sessions_started_with_a_passkey()
    {
        using var phone = await SignedInAsync();
        var passkey = await RegisterAsync(phone);
        using var tablet = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PasskeyLoginAsync(tablet, passkey.Assert(await RequestOptionsAsync(tablet)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tablet.GetAsync("/Home")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(phone, "/Settings/Security?handler=SignOutOthers", new() { ["Input.Password"] = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await tablet.GetAsync("/Home")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.UserPasskeys.CountAsync(p => p.UserId == SeekerId)));
    }

    // 「削除」は本人のパスキーだけ。ほかの人のパスキーの値を送っても消えない
    [Fact]
    public async Task Cannot_delete_the_passkey_of_another_seeker()
    {
        using var phone = await SignedInAsync();
        var passkey = await RegisterAsync(phone);
        var other = "other-" + Email;
        await app.CreateSeekerAsync(other, Password);
        using var stranger = Client();
        await Forms.LoginAsync(stranger, other, Password);
        var response = await Forms.PostAsync(stranger, "/Settings/Security?handler=DeletePasskey", new() { ["passkey"] = passkey.Id });
        Assert.Equal("/Settings/Security", response.Headers.Location?.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.UserPasskeys.CountAsync(p => p.UserId == SeekerId)));
        Assert.Empty(app.Smtp.For(Email, PasskeyMails.DeletedSubject));
    }

    [GeneratedRegex("data-creation-options=\"([^\"]+)\"")]
    private static partial Regex CreationOptionsAttribute();
}
