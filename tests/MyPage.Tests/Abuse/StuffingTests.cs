using System.Net;
using Microsoft.EntityFrameworkCore;
using MyPage.Pages.Shared;
using MyPage.Pages.Account;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Abuse;

// パスワードリスト攻撃: 一つの接続元が多くの ID に一つずつパスワードを試す。ID ごとのロックにはかからないので、接続元で数える
public class StuffingTests(AbuseSite site) : AbuseTest(site), IClassFixture<AbuseSite>
{
    [Fact]
    public async Task A_hundred_ids_from_one_client_are_checked_then_refused_and_refused_tries_cost_no_hash()
    {
        var hashesBefore = app.PasswordVerifications;
        int failed = 0, asked = 0, tooMany = 0;
        using var client = app.CreateHttpClient();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            var response = await Forms.LoginAsync(client, Victim(i), "Summer-2026!");
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                tooMany++;
                Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
                Assert.Contains(Site.TooManyTitle, html);
            }
            else if (html.Contains(LoginTexts.Failed, StringComparison.Ordinal))
            {
                failed++;
            }
            else
            {
                Assert.True(BotChecks.Asked(html));
                asked++;
            }
        }

        // 上限までは照合して失敗、そこからは確認を求めるだけ、送信が多すぎれば 429。
        // バケツは本物の時間で戻る（10 秒ごとに 6 分の 1）ので、通った数の上限は、かかった時間の分だけ増える
        var refills = (int)Math.Ceiling(watch.Elapsed.TotalSeconds / 10) * (Limits.FormPostsPerMinute / 6);
        Assert.Equal(Limits.ClientLoginFailures, failed);
        Assert.InRange(failed + asked, Limits.FormPostsPerMinute, Limits.FormPostsPerMinute + refills);
        Assert.True(tooMany >= 100 - Limits.FormPostsPerMinute - refills, $"429 は {tooMany} 回（{watch.Elapsed.TotalSeconds:0} 秒）");
        Assert.Equal(100, failed + asked + tooMany);
        // 断った試行ではハッシュを計算せず、ID の行も作らない
        Assert.Equal(Limits.ClientLoginFailures, app.PasswordVerifications - hashesBefore);
        var victims = Enumerable.Range(0, 100).Select(i => app.IdTag(Victim(i))).ToList();
        Assert.Equal(Limits.ClientLoginFailures, await app.WithDbAsync(db => db.LoginThrottles.CountAsync(t => victims.Contains(t.IdTag))));
    }

    // このテストだけの、登録のない ID
    private string Victim(int i) => $"victim{i}-{Email}";

    [Fact]
    public async Task Under_htmx_a_refusal_is_a_429_with_retry_after_for_the_form_to_show()
    {
        using var client = app.CreateHttpClient();
        HttpResponseMessage? refused = null;
        // バケツは本物の時間で少しずつ戻るので、遅いマシンでも断られるまで送り続ける（戻る速さより速く送る）
        for (var i = 0; i < 200 && refused is null; i++)
        {
            var response = await Forms.LoginAsync(client, Victim(i), "Summer-2026!", htmx: true);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
        }
        Assert.NotNull(refused);
        Assert.True(refused!.Headers.RetryAfter?.Delta > TimeSpan.Zero || refused.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task A_browser_that_logged_in_to_this_id_before_is_not_asked()
    {
        var cookies = new CookieContainer();
        using var known = app.CreateHttpClient(cookies);
        Assert.Equal("/Home", (await Forms.LoginAsync(known, Email, Password)).Headers.Location?.OriginalString);
        await Forms.LogoutAsync(known);

        await FailLoginsUpToTheThresholdAsync();

        // 同じ接続元の知らないブラウザには確認を求めるが、前にこの ID でログインしたブラウザは通る
        using (var stranger = app.CreateHttpClient())
            Assert.True(BotChecks.Asked(await (await Forms.LoginAsync(stranger, Email, Password)).Content.ReadAsStringAsync()));
        Assert.Equal("/Home", (await Forms.LoginAsync(known, Email, Password)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_client_is_asked_only_until_its_window_ends()
    {
        await FailLoginsUpToTheThresholdAsync();
        using var client = app.CreateHttpClient();
        Assert.True(BotChecks.Asked(await client.GetStringAsync("/Account/Login")));
        app.Time.Advance(Limits.ClientFailureWindow);
        Assert.False(BotChecks.Asked(await client.GetStringAsync("/Account/Login")));
        Assert.Equal("/Home", (await Forms.LoginAsync(client, Email, Password)).Headers.Location?.OriginalString);
    }

    // ログインの画面 (S1) を開くだけでは、データベースを読まない（このインスタンスが、確認が要ると知っている接続元でなければ）。
    // 要る接続元には、このインスタンスが失敗を数えた時点から、はじめから確認を出す
    [Fact]
    public async Task Opening_s1_reads_nothing_from_the_database_until_the_client_must_be_checked()
    {
        await using var site = new MyPageApp(settings: Defaults(new Dictionary<string, string?>([LogCapture.SqlStatementsSetting])));
        using var client = site.CreateHttpClient();
        for (var i = 0; i < 3; i++) Assert.False(BotChecks.Asked(await client.GetStringAsync("/Account/Login")));
        Assert.Empty(site.Logs.StatementsDuring("/Account/Login"));

        // 失敗を数える送信はデータベースに書く（道具が SQL を見ていることの確かめでもある）
        for (var i = 0; i < Limits.ClientLoginFailures; i++) await Forms.LoginAsync(client, $"stuffed{i}-{Email}", "Wrong-pass-1");
        Assert.NotEmpty(site.Logs.StatementsDuring("/Account/Login"));
        Assert.True(BotChecks.Asked(await client.GetStringAsync("/Account/Login")));
    }

    // 二つ目のインスタンス（または再起動の後）は、その接続元のことをまだ知らない: 画面ははじめは確認なしで開くが、
    // 送信はデータベースの数で確認を求め、それからはその画面も確認を出す。確認なしでは通らない
    [Fact]
    public async Task Another_instance_asks_at_the_first_post_and_shows_the_check_from_then_on()
    {
        await FailLoginsUpToTheThresholdAsync();
        await using var other = new MyPageApp(databasePath: app.DatabasePath, settings: Defaults(), keepDatabase: true);
        using var client = other.CreateHttpClient();
        Assert.False(BotChecks.Asked(await client.GetStringAsync("/Account/Login")));
        var refused = await Forms.LoginAsync(client, Email, Password);
        Assert.True(BotChecks.Asked(await refused.Content.ReadAsStringAsync()));
        Assert.Null(refused.Headers.Location);
        Assert.True(BotChecks.Asked(await client.GetStringAsync("/Account/Login")));
    }
}
