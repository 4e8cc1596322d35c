using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MyPage.IdChange;
using MyPage.Login;
using MyPage.Pages.Account;
using MyPage.Pages.Settings;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages.Settings;

// 「ID(メールアドレス)の変更」と「ID(メールアドレス)変更の確認」を HTTP で: 本人の確かめ方（パスワード、10分以内のマイナポータル）、
// 認証キー、列挙されないこと、誤りの数え方、ほかの人の申込み、1時間の上限
public partial class ChangeIdTests(SiteFixture site) : SeekerTest(site), IClassFixture<SiteFixture>
{
    private string NewEmail => "new-" + Email;

    private async Task<HttpClient> SignedInAsync(LoginMethod method = LoginMethod.Password)
    {
        var cookies = new CookieContainer();
        foreach (var (name, value) in await app.SignInCookiesAsync(Email, method))
            cookies.Add(app.BaseUrl, new Cookie(name, value) { Secure = true, HttpOnly = true });
        var client = app.CreateHttpClient(cookies);
        // 変更完了の通知に書く「どのブラウザか」
        client.DefaultRequestHeaders.UserAgent.ParseAdd(MyPageApp.ChromiumUserAgent);
        return client;
    }

    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, string newId, string? confirm = null, string? password = Password)
    {
        var fields = new Dictionary<string, string> { ["Input.NewId"] = newId, ["Input.ConfirmId"] = confirm ?? newId };
        if (password is not null) fields["Input.Password"] = password;
        return Forms.PostAsync(client, "/Settings/ChangeId", fields);
    }

    // 時計を進める。操作のない時間の上限（30分）でセッションが切れないよう、10分ごとに画面を開く
    private async Task AdvanceAsync(HttpClient client, TimeSpan span)
    {
        for (var left = span; left > TimeSpan.Zero; left -= TimeSpan.FromMinutes(10))
        {
            app.Time.Advance(left < TimeSpan.FromMinutes(10) ? left : TimeSpan.FromMinutes(10));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Home")).StatusCode);
        }
    }

    private static Task<HttpResponseMessage> KeyAsync(HttpClient client, string key)
        => Forms.PostAsync(client, "/Settings/ChangeIdKey", new() { ["Input.Key"] = key });

    private Task<string?> IdOfAsync(string seekerId) => app.WithDbAsync(db => db.Users.Where(u => u.Id == seekerId).Select(u => u.Email).SingleAsync());

    private Task<int> RequestsAsync(string seekerId) => app.WithDbAsync(db => db.IdChangeRequests.CountAsync(r => r.SeekerId == seekerId));

    [Fact]
    public async Task Can_change_the_id_with_the_password_and_the_key_mailed_to_the_new_address()
    {
        using var client = await SignedInAsync();
        var requested = await RequestAsync(client, "  New-" + Email.ToUpperInvariant() + " ", "new-" + Email);
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Equal("/Settings/ChangeIdKey", requested.Headers.Location!.ToString());
        // 認証キーを入れるまでは、何も変わらない
        Assert.Equal(Email, await IdOfAsync(SeekerId));

        var mail = await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ConfirmSubject);
        var key = Mails.Key(mail);
        Assert.Contains(IdChangeTexts.KeySent(NewEmail), await client.GetStringAsync("/Settings/ChangeIdKey"));
        // データベースには認証キーそのものを置かない
        Assert.False(await app.WithDbAsync(db => db.IdChangeRequests.AnyAsync(r => r.KeyHash.Contains(key))));

        var done = await KeyAsync(client, key);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/Settings?status=id-changed", done.Headers.Location!.ToString());
        var settings = await client.GetStringAsync(done.Headers.Location.ToString());
        Assert.Contains(IdChangeTexts.Changed(NewEmail), settings);
        Assert.Contains($"<dd id=\"login-id\">{NewEmail}</dd>", settings);

        // Identity の名前とメールアドレス、その正規化した値がそろって変わる
        var seeker = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == SeekerId));
        Assert.Equal((NewEmail, NewEmail, NewEmail, NewEmail), (seeker.UserName, seeker.NormalizedUserName, seeker.Email, seeker.NormalizedEmail));

        // 前のアドレスと新しいアドレスの両方に「ID(メールアドレス)変更完了通知」。前のアドレスへのものは、新しいアドレスを書かず、
        // 元に戻すリンクも持たず、戻る道（マイナポータルか窓口）を言う
        var old = (await app.Smtp.WaitForAsync(Email, IdChangeMails.ChangedSubject)).TextBody;
        var now = (await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ChangedSubject)).TextBody;
        Assert.DoesNotContain(NewEmail, old);
        Assert.DoesNotContain("http", old);
        Assert.Contains("「パスワードをお忘れの方」からパスワードを再登録することはできません", old);
        Assert.Contains("お近くのハローワークにご連絡ください", old);
        foreach (var body in new[] { old, now })
        {
            Assert.Contains("ブラウザ：Chrome（Linux）", body);
            Assert.Contains($"接続元：{MaskedClientAddress}", body);
        }
        Assert.Contains(LogLines, l => l.StartsWith("ID(メールアドレス)の変更 ", StringComparison.Ordinal) && l.Contains("by=seeker", StringComparison.Ordinal)
            && !l.Contains(Email, StringComparison.Ordinal));

        // 新しい ID でログインでき、前の ID ではできない
        using var fresh = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(fresh, NewEmail, Password)).StatusCode);
        using var stale = app.CreateHttpClient();
        Assert.Contains(LoginTexts.Failed, Html.ErrorSummary(await (await Forms.LoginAsync(stale, Email, Password)).Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData(null, LoginTexts.PasswordRequired)]
    [InlineData("Wrong-pass-1", SettingsTexts.WrongPassword)]
    [InlineData("Ｗｒｏｎｇ-pass-1", LoginTexts.PasswordCharacters)]
    public async Task Cannot_ask_for_a_change_from_a_password_session_without_the_password(string? password, string message)
    {
        using var client = await SignedInAsync();
        // パスワードでログインしたセッションには、パスワードの欄がある
        Assert.Contains("id=\"change-password\"", await client.GetStringAsync("/Settings/ChangeId"));
        var response = await RequestAsync(client, NewEmail, password: password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, Html.ErrorSummary(html));
        Assert.DoesNotContain("Wrong-pass-1", html);
        Assert.Equal(0, await RequestsAsync(SeekerId));
        Assert.Empty(app.Smtp.For(NewEmail, IdChangeMails.ConfirmSubject));
    }

    [Fact]
    public async Task Can_lock_the_account_by_wrong_passwords_when_asking_for_a_change_like_at_login()
    {
        using var client = await SignedInAsync();
        for (var i = 1; i <= 5; i++)
        {
            var html = await (await RequestAsync(client, NewEmail, password: $"Wrong-pass-{i}")).Content.ReadAsStringAsync();
            Assert.Contains(i < 5 ? SettingsTexts.WrongPassword : LoginTexts.Lockout, i < 5 ? Html.ErrorSummary(html) : Html.Lockout(html));
        }
        Assert.Contains(LoginTexts.Lockout, Html.Lockout(await (await RequestAsync(client, NewEmail)).Content.ReadAsStringAsync()));
        Assert.Equal(0, await RequestsAsync(SeekerId));
        Assert.Contains(LogLines, l => l.StartsWith("ID(メールアドレス)の変更のパスワード確認失敗", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "", IdChangeTexts.NewIdRequired)]
    [InlineData("not-an-address", "not-an-address", IdChangeTexts.NewIdInvalid)]
    [InlineData("a@example.jp", "", IdChangeTexts.ConfirmRequired)]
    [InlineData("a@example.jp", "b@example.jp", IdChangeTexts.ConfirmMismatch)]
    [InlineData("SAME", "SAME", IdChangeTexts.SameAsNow)]
    public async Task Cannot_ask_for_a_change_to_an_address_that_is_not_a_new_one(string newId, string confirm, string message)
    {
        (newId, confirm) = (newId.Replace("SAME", Email.ToUpperInvariant(), StringComparison.Ordinal), confirm.Replace("SAME", Email, StringComparison.Ordinal));
        using var client = await SignedInAsync();
        var html = await (await RequestAsync(client, newId, confirm)).Content.ReadAsStringAsync();
        Assert.Contains(message, Html.ErrorSummary(html));
        Assert.Equal(0, await RequestsAsync(SeekerId));
        // ほかの欄の誤りでは、パスワードを照合しない（ロックに数えない）
        Assert.Equal(0, PasswordVerifications);
    }

    // 10分以内にマイナポータルからログインしたセッションは、パスワードなしで変えられる。過ぎたら、わかる言葉で断る
    [Fact]
    public async Task Can_ask_for_a_change_without_the_password_within_ten_minutes_of_a_mynaportal_sign_in_and_not_after()
    {
        using var client = await SignedInAsync(LoginMethod.Mynaportal);
        var form = await client.GetStringAsync("/Settings/ChangeId");
        Assert.DoesNotContain("id=\"change-password\"", form);
        Assert.Contains("マイナポータルからログインして10分以内のため、パスワードの入力は要りません", form);

        app.Time.Advance(IdChanges.MynaportalGrace - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(client, NewEmail, password: null)).StatusCode);
        await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ConfirmSubject);
        Assert.Equal(0, PasswordVerifications);

        // 10分を過ぎてから、パスワードの欄のない画面から送った
        app.Time.Advance(TimeSpan.FromSeconds(1));
        var refused = await RequestAsync(client, "later-" + Email, password: null);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(IdChangeTexts.MynaportalTooOld, Html.ErrorSummary(html));
        Assert.Contains("id=\"change-password\"", html);
        Assert.Equal(1, await RequestsAsync(SeekerId));

        // パスワードを入れれば変えられる
        Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(client, "later-" + Email)).StatusCode);
    }

    // 新しいアドレスがほかの人の ID でも、画面は同じ（状態、行き先、Cookie、中身）。そのアドレスには「すでに使われている」のメールが届き、
    // どの認証キーでも変わらない
    [Fact]
    public async Task Cannot_tell_from_the_screens_that_an_address_is_taken_and_its_owner_gets_a_mail_saying_nothing_changes()
    {
        var taken = "taken-" + Email;
        var owner = await app.CreateSeekerAsync(taken, Password);
        using var free = await SignedInAsync();
        using var other = await SignedInAsync();

        var toFree = await RequestAsync(free, NewEmail);
        var freeKeyPage = await free.GetStringAsync("/Settings/ChangeIdKey");
        var toTaken = await RequestAsync(other, taken);
        var takenKeyPage = await other.GetStringAsync("/Settings/ChangeIdKey");
        Assert.Equal((toFree.StatusCode, toFree.Headers.Location), (toTaken.StatusCode, toTaken.Headers.Location));
        Assert.Equal(toFree.Headers.Contains("Set-Cookie"), toTaken.Headers.Contains("Set-Cookie"));
        Assert.Equal(Comparable(freeKeyPage, NewEmail), Comparable(takenKeyPage, taken));

        var inUse = await app.Smtp.WaitForAsync(taken, IdChangeMails.ConfirmSubject);
        Assert.Contains("すでに求職者マイページのID(メールアドレス)として使われているため、変更は行いません", inUse.TextBody);
        Assert.DoesNotContain("認証キー：", inUse.TextBody);
        Assert.DoesNotContain(Email, inUse.TextBody);

        // 届いた認証キー（別の申込みのもの）を入れても、合わない
        var key = Mails.Key(await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ConfirmSubject));
        var wrong = await (await KeyAsync(other, key)).Content.ReadAsStringAsync();
        Assert.Contains(IdChangeTexts.KeyWrong, Html.ErrorSummary(wrong));
        Assert.Equal(taken, await IdOfAsync(owner.Id));
        Assert.Equal(Email, await IdOfAsync(SeekerId));
    }

    // 画面を比べる形: 新しいアドレス、CSRF トークン、時刻を伏せる
    private static string Comparable(string html, string address)
        => TimeOfDay().Replace(Token().Replace(html.Replace(address, "ADDRESS", StringComparison.Ordinal), "TOKEN"), "TIME");

    [GeneratedRegex("value=\"CfDJ[^\"]+\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"\d{4}年\d{2}月\d{2}日 \d{2}時\d{2}分")]
    private static partial Regex TimeOfDay();

    // 5回誤ると、その申込みは使えない。誤りはログインのロックにも数える（5回目でロック）
    [Fact]
    public async Task Cannot_use_the_key_after_five_wrong_entries_which_also_lock_the_account()
    {
        using var client = await SignedInAsync();
        await RequestAsync(client, NewEmail);
        var key = Mails.Key(await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ConfirmSubject));
        var wrongKey = key == "00000000" ? "11111111" : "00000000";
        for (var i = 1; i < 5; i++)
            Assert.Contains(IdChangeTexts.KeyWrong, Html.ErrorSummary(await (await KeyAsync(client, wrongKey)).Content.ReadAsStringAsync()));
        var fifth = await (await KeyAsync(client, wrongKey)).Content.ReadAsStringAsync();
        Assert.Contains(LoginTexts.Lockout, Html.Lockout(fifth));
        Assert.Contains(LoginTexts.LockedByKeys, Html.Lockout(fifth));
        using (var other = app.CreateHttpClient())
            Assert.Contains(LoginTexts.Lockout, Html.Lockout(await (await Forms.LoginAsync(other, Email, Password)).Content.ReadAsStringAsync()));

        // ロックが解けても、その申込みはもう使えない: 正しい認証キーでも
        await AdvanceAsync(client, MyPage.Account.LoginThrottleStore.LockDuration);
        var voided = await (await KeyAsync(client, key)).Content.ReadAsStringAsync();
        Assert.Contains(IdChangeTexts.KeyVoid, Html.ErrorSummary(voided));
        Assert.Contains(IdChangeTexts.StartOver, voided);
        Assert.Equal(Email, await IdOfAsync(SeekerId));
        Assert.Contains(IdChangeTexts.NothingWaiting, await client.GetStringAsync("/Settings/ChangeIdKey"));
    }

    // 使えるのは、ログインしている本人の申込みだけ: ほかの人の申込みの認証キーは、その人のものも自分のものも変えない
    [Fact]
    public async Task Cannot_change_anything_with_the_key_of_another_seekers_change()
    {
        var otherEmail = "other-" + Email;
        var otherSeeker = await app.CreateSeekerAsync(otherEmail, Password);
        using var mine = await SignedInAsync();
        var otherCookies = new CookieContainer();
        using var theirs = app.CreateHttpClient(otherCookies);
        await Forms.LoginAsync(theirs, otherEmail, Password);

        await RequestAsync(mine, NewEmail);
        await Forms.PostAsync(theirs, "/Settings/ChangeId", new() { ["Input.NewId"] = "their-" + Email, ["Input.ConfirmId"] = "their-" + Email, ["Input.Password"] = Password });
        var theirKey = Mails.Key(await app.Smtp.WaitForAsync("their-" + Email, IdChangeMails.ConfirmSubject));
        var myKey = Mails.Key(await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ConfirmSubject));

        Assert.Contains(IdChangeTexts.KeyWrong, Html.ErrorSummary(await (await KeyAsync(mine, theirKey)).Content.ReadAsStringAsync()));
        Assert.Equal((Email, otherEmail), (await IdOfAsync(SeekerId), await IdOfAsync(otherSeeker.Id)));

        // それぞれの認証キーは、それぞれの申込みでだけ使える
        Assert.Equal(HttpStatusCode.Redirect, (await KeyAsync(theirs, theirKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await KeyAsync(mine, myKey)).StatusCode);
        Assert.Equal((NewEmail, "their-" + Email), (await IdOfAsync(SeekerId), await IdOfAsync(otherSeeker.Id)));
    }

    // 新しい申込みは、前の申込みの認証キーを使えなくする
    [Fact]
    public async Task Cannot_use_the_key_of_an_earlier_request_after_asking_again()
    {
        using var client = await SignedInAsync();
        await RequestAsync(client, NewEmail);
        var first = Mails.Key(await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ConfirmSubject));
        await RequestAsync(client, "second-" + Email);
        var second = Mails.Key(await app.Smtp.WaitForAsync("second-" + Email, IdChangeMails.ConfirmSubject));

        Assert.Contains(IdChangeTexts.KeyWrong, Html.ErrorSummary(await (await KeyAsync(client, first)).Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await KeyAsync(client, second)).StatusCode);
        Assert.Equal("second-" + Email, await IdOfAsync(SeekerId));
    }

    [Fact]
    public async Task Cannot_use_a_key_after_fifty_minutes()
    {
        using var client = await SignedInAsync();
        await RequestAsync(client, NewEmail);
        var key = Mails.Key(await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ConfirmSubject));
        await AdvanceAsync(client, IdChanges.KeyLifetime);
        var html = await (await KeyAsync(client, key)).Content.ReadAsStringAsync();
        Assert.Contains(IdChangeTexts.KeyVoid, Html.ErrorSummary(html));
        Assert.Equal(Email, await IdOfAsync(SeekerId));
    }

    [Theory]
    [InlineData("", IdChangeTexts.KeyRequired)]
    [InlineData("1234", IdChangeTexts.KeyFormat)]
    public async Task Cannot_send_a_key_that_is_not_eight_digits_and_it_is_not_counted(string key, string message)
    {
        using var client = await SignedInAsync();
        await RequestAsync(client, NewEmail);
        Assert.Contains(message, Html.ErrorSummary(await (await KeyAsync(client, key)).Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.IdChangeRequests.Where(r => r.SeekerId == SeekerId).SumAsync(r => r.FailedAttempts)));
    }

    // 全角の数字、空白、ハイフンも受け付ける（S3 と同じ）
    [Fact]
    public async Task Can_type_the_key_in_full_width_digits_with_a_hyphen()
    {
        using var client = await SignedInAsync();
        await RequestAsync(client, NewEmail);
        var key = Mails.Key(await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ConfirmSubject));
        var typed = string.Concat(key[..4].Select(c => (char)(c - '0' + '０'))) + "－" + key[4..];
        Assert.Equal(HttpStatusCode.Redirect, (await KeyAsync(client, typed)).StatusCode);
    }

    // 一人に1時間で3通まで（新しいアドレスがほかの人の ID でも数える）。4通目は画面で、いつから送れるかを言う
    [Fact]
    public async Task Cannot_get_more_than_three_change_mails_an_hour()
    {
        await app.CreateSeekerAsync("taken-" + Email, Password);
        using var client = await SignedInAsync();
        foreach (var address in new[] { "a-" + Email, "taken-" + Email, "c-" + Email })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(client, address)).StatusCode);
            app.Time.Advance(TimeSpan.FromMinutes(1));
        }
        var start = app.Time.GetUtcNow() - TimeSpan.FromMinutes(3);
        var refused = await RequestAsync(client, "d-" + Email);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(IdChangeTexts.TooMany(3, MyPage.Time.JapanTime.Format(start + TimeSpan.FromHours(1))), Html.ErrorSummary(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(3, await RequestsAsync(SeekerId));

        await AdvanceAsync(client, TimeSpan.FromHours(1) - TimeSpan.FromMinutes(3));
        Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(client, "d-" + Email)).StatusCode);
        await app.Smtp.WaitForAsync("d-" + Email, IdChangeMails.ConfirmSubject);
    }

    [Fact]
    public async Task Can_see_the_way_to_change_the_id_on_the_settings_page_and_nothing_waiting_on_the_key_page()
    {
        using var client = await SignedInAsync();
        var settings = await client.GetStringAsync("/Settings");
        Assert.Contains($"<a href=\"/Settings/ChangeId\">{IdChangeTexts.SettingsLink}</a>", settings);
        var key = await client.GetStringAsync("/Settings/ChangeIdKey");
        Assert.Contains(IdChangeTexts.NothingWaiting, Html.ErrorSummary(key));
        Assert.DoesNotContain("id=\"change-key\"", key);
    }

    // マイナポータルを使わないサイトでは、S2 と S7 はマイナポータルの道を言わない
    [Theory]
    [InlineData("/Account/ForgotId")]
    [InlineData("/Account/ForgotPassword")]
    public async Task Cannot_see_the_mynaportal_way_on_s2_and_s7_when_mynaportal_is_not_set_up(string path)
    {
        using var client = app.CreateHttpClient();
        Assert.DoesNotContain(LoginTexts.ChangeIdByMynaportal, await client.GetStringAsync(path));
    }
}
