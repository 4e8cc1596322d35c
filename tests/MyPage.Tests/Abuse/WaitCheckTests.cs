using System.Net;
using System.Text.RegularExpressions;
using MyPage.Abuse;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Abuse;

// JavaScript のないブラウザの確認 (WaitCheck): 押せる時刻から一度だけ、この接続元とこのフォームでだけ、出ているのはいつも一つ、
// 通るたびに倍。S1 と S2 で同じ。両方のデータベースで（一つだけ出す行と、一度だけ消す行は生の SQL）。
// ブラウザでの一巡りは ProofOfWorkTests（JavaScript なし）
public class WaitCheckTests(AbuseSite site) : WaitCheckTest(site), IClassFixture<AbuseSite>;

[Trait("Category", "PostgreSQL")]
public class WaitCheckOnPostgreSqlTests(WaitCheckOnPostgreSqlTests.Site site) : WaitCheckTest(site), IClassFixture<WaitCheckOnPostgreSqlTests.Site>
{
    public sealed class Site() : AbuseSite(null, Store.PostgreSql);
}

public abstract partial class WaitCheckTest(SiteFixture site) : AbuseTest(site)
{
    private static readonly TimeSpan Wait = new BotCheckOptions().Wait;

    private static string Token(string html) => WaitToken().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("待つ確認がありません:\n" + html);

    private static Task<HttpResponseMessage> WaitLoginAsync(HttpClient client, string id, string password, string wait)
        => Forms.PostAsync(client, "/Account/Login", new() { ["Input.Id"] = id, ["Input.Password"] = password, [WaitCheck.Field] = wait });

    [Fact]
    public async Task Passes_once_from_the_time_it_tells_and_never_early()
    {
        await FailLoginsUpToTheThresholdAsync();
        using var client = app.CreateHttpClient();
        var token = Token(await client.GetStringAsync("/Account/Login"));
        var hashes = app.PasswordVerifications;

        app.Time.Advance(Wait - TimeSpan.FromSeconds(1));
        var early = await (await WaitLoginAsync(client, Email, Password, token)).Content.ReadAsStringAsync();
        Assert.Contains(BotCheckTexts.TooEarly(MyPage.Time.JapanTime.FormatTime(app.Time.GetUtcNow() + TimeSpan.FromSeconds(1))), early);
        Assert.Equal(token, Token(early)); // 同じトークンのまま（待ち直しにならない）
        Assert.Equal(hashes, app.PasswordVerifications);

        app.Time.Advance(TimeSpan.FromSeconds(1));
        using (var replayer = app.CreateHttpClient())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await WaitLoginAsync(client, Email, Password, token)).StatusCode);
            // 同じトークンをもう一度: 通らない
            var replay = await (await WaitLoginAsync(replayer, Email, Password, token)).Content.ReadAsStringAsync();
            Assert.Contains(BotCheckTexts.WaitFailed, replay);
        }
    }

    [Fact]
    public async Task Is_one_per_client_and_cannot_be_used_from_another_client()
    {
        await FailLoginsUpToTheThresholdAsync();
        await FailLoginsUpToTheThresholdAsync("203.0.113.91");
        using var client = app.CreateHttpClient();
        var first = Token(await client.GetStringAsync("/Account/Login"));
        // 開き直しても同じもの（待ち直しにならず、いくつも並べて待たせられない）
        app.Time.Advance(Wait / 2);
        Assert.Equal(first, Token(await client.GetStringAsync("/Account/Login")));
        app.Time.Advance(Wait / 2);

        using var elsewhere = app.CreateHttpClient();
        elsewhere.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.91");
        Assert.Contains(BotCheckTexts.WaitFailed, await (await WaitLoginAsync(elsewhere, Email, Password, first)).Content.ReadAsStringAsync());
        // 書き換えたトークン（押せる時刻を早めた）は署名が合わない
        var parts = first.Split('.');
        var forged = string.Join('.', parts[0], long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - 1, parts[2], parts[3]);
        Assert.Contains(BotCheckTexts.WaitFailed, await (await WaitLoginAsync(client, Email, Password, forged)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await WaitLoginAsync(client, Email, Password, first)).StatusCode);
    }

    [Fact]
    public async Task Doubles_with_each_check_the_client_passed_within_the_hour()
    {
        await FailLoginsUpToTheThresholdAsync();
        using var client = app.CreateHttpClient();
        for (var passed = 0; passed < 3; passed++)
        {
            var html = await client.GetStringAsync("/Account/Login");
            var wait = Wait * (1 << passed);
            Assert.Contains(BotCheckTexts.Wait(MyPage.Time.JapanTime.FormatTime(app.Time.GetUtcNow() + wait), wait), WebUtility.HtmlDecode(html));
            app.Time.Advance(wait);
            // 誤ったパスワードでも確認は通る（数えるのは通った確認）
            Assert.DoesNotContain(BotCheckTexts.WaitFailed, await (await WaitLoginAsync(client, Email, "Wrong-pass-1", Token(html))).Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Lets_a_reset_request_through_after_the_wait_too()
    {
        // S2 の確認が要るようにする: この接続元から ID をまたいで申込みを上限まで（ResetRequestsPerClientPerHour）
        using var client = app.CreateHttpClient();
        for (var i = 0; i < Limits.ResetRequestsPerClientPerHour; i++) await RequestResetAsync(client, $"other{i}-{Email}");
        var asked = await (await RequestResetAsync(client, Email)).Content.ReadAsStringAsync();
        var token = Token(asked);
        Assert.Empty(app.Smtp.For(Email, MyPage.PasswordReset.ResetMails.RequestSubject));

        app.Time.Advance(Wait);
        var sent = await Forms.PostAsync(client, "/Account/ForgotPassword", new() { ["Input.Id"] = Email, [WaitCheck.Field] = token });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await app.Smtp.WaitForAsync(Email, MyPage.PasswordReset.ResetMails.RequestSubject);
    }

    // 計算が長引いたときの切り替え (?handler=BotWait) は、いま出ている待つ確認を返すだけ: 待ち直しにも早まりにもならず、
    // 早すぎれば断られ（待つ確認のまま）、一度通れば次は倍。ほかの接続元には、その接続元の待つ確認
    [Fact]
    public async Task Switching_from_the_proof_of_work_gives_the_wait_already_running_under_its_rules()
    {
        await FailLoginsUpToTheThresholdAsync();
        await FailLoginsUpToTheThresholdAsync("203.0.113.92");
        using var client = app.CreateHttpClient();
        var token = Token(await client.GetStringAsync("/Account/Login"));
        var ready = app.Time.GetUtcNow() + Wait;
        app.Time.Advance(TimeSpan.FromSeconds(10));

        var switched = await (await Forms.PostAsync(client, "/Account/Login?handler=BotWait", [], htmx: true)).Content.ReadAsStringAsync();
        Assert.Equal(token, Token(switched));
        Assert.Contains("data-bot-check=\"Wait\"", switched);
        Assert.Contains(BotCheckTexts.Wait(MyPage.Time.JapanTime.FormatTime(ready), Wait - TimeSpan.FromSeconds(10)), WebUtility.HtmlDecode(switched));
        Assert.DoesNotContain("maxnumber", switched); // 計算の問題は出さない

        // 早すぎる: 断り、待つ確認のまま（計算に戻さない）。照合もしない
        var hashes = app.PasswordVerifications;
        var early = await (await Forms.PostAsync(client, "/Account/Login", new() { ["Input.Id"] = Email, ["Input.Password"] = Password, [WaitCheck.Field] = token }, htmx: true)).Content.ReadAsStringAsync();
        Assert.Contains(BotCheckTexts.TooEarly(MyPage.Time.JapanTime.FormatTime(ready)), early);
        Assert.Contains("data-bot-check=\"Wait\"", early);
        Assert.Equal(hashes, app.PasswordVerifications);

        using (var elsewhere = app.CreateHttpClient())
        {
            elsewhere.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.92");
            var theirs = Token(await (await Forms.PostAsync(elsewhere, "/Account/Login?handler=BotWait", [], htmx: true)).Content.ReadAsStringAsync());
            Assert.NotEqual(token, theirs);
            Assert.Contains(BotCheckTexts.WaitFailed, await (await WaitLoginAsync(elsewhere, Email, Password, token)).Content.ReadAsStringAsync());
        }

        app.Time.Advance(Wait - TimeSpan.FromSeconds(10));
        // 時刻からは通る（誤ったパスワードでも確認は通り、照合して断る）
        Assert.Contains(MyPage.Pages.Account.LoginTexts.Failed, await (await WaitLoginAsync(client, Email, "Wrong-pass-1", token)).Content.ReadAsStringAsync());
        // 通ったので、次の切り替えの待つ時間は倍
        var doubled = await (await Forms.PostAsync(client, "/Account/Login?handler=BotWait", [], htmx: true)).Content.ReadAsStringAsync();
        Assert.Contains(BotCheckTexts.Wait(MyPage.Time.JapanTime.FormatTime(app.Time.GetUtcNow() + Wait * 2), Wait * 2), WebUtility.HtmlDecode(doubled));
    }

    // S2 の切り替えで出た待つ確認は S2 のもの: ログインには使えない
    [Fact]
    public async Task A_wait_switched_to_on_the_reset_form_does_not_pass_a_login()
    {
        await FailLoginsUpToTheThresholdAsync();
        using var client = app.CreateHttpClient();
        var switched = await (await Forms.PostAsync(client, "/Account/ForgotPassword?handler=BotWait", [], htmx: true)).Content.ReadAsStringAsync();
        Assert.Contains("data-action=\"reset\"", switched);
        app.Time.Advance(Wait);
        var hashes = app.PasswordVerifications;
        Assert.Contains(BotCheckTexts.WaitFailed, await (await WaitLoginAsync(client, Email, Password, Token(switched))).Content.ReadAsStringAsync());
        Assert.Equal(hashes, app.PasswordVerifications);
    }

    [GeneratedRegex("name=\"BotWait\" value=\"([^\"]+)\"")]
    private static partial Regex WaitToken();
}
