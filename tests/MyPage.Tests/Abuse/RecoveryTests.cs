using System.Net;
using Microsoft.EntityFrameworkCore;
using MyPage.Abuse;
using MyPage.PasswordReset;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Abuse;

// パスワード再登録を、他人が止められないこと: S2 を送りつけても、本人の前にログインしたブラウザには認証キーが届く。
// 数えるのはデータベースなので、SQLite と PostgreSQL の両方で。人の確認は reCAPTCHA で通す (ReCaptchaAbuseSite)
public class RecoveryTests(RecoveryTests.Site site) : RecoveryTest(site), IClassFixture<RecoveryTests.Site>
{
    public sealed class Site() : ReCaptchaAbuseSite;
}

[Trait("Category", "PostgreSQL")]
public class RecoveryOnPostgreSqlTests(RecoveryOnPostgreSqlTests.Site site) : RecoveryTest(site), IClassFixture<RecoveryOnPostgreSqlTests.Site>
{
    public sealed class Site() : ReCaptchaAbuseSite(Store.PostgreSql);
}

public abstract class RecoveryTest(SiteFixture site) : AbuseTest(site)
{
    private int ResetMailsTo(string to) => app.Smtp.For(to, ResetMails.RequestSubject).Count;

    [Fact]
    public async Task A_flood_for_an_id_does_not_stop_the_seeker_in_a_known_browser()
    {
        // 本人: このブラウザで一度ログインしている
        var cookies = new CookieContainer();
        using var victim = app.CreateHttpClient(cookies);
        await Forms.LoginAsync(victim, Email, Password);
        await Forms.LogoutAsync(victim);

        // 他人: 同じ ID に申込みを続ける。3回で人の確認を求められる
        using var stranger = app.CreateHttpClient();
        for (var i = 0; i < Limits.ResetRequestsPerIdPerHour; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await RequestResetAsync(stranger, Email)).StatusCode);
        Assert.True(BotChecks.Asked(await (await RequestResetAsync(stranger, Email)).Content.ReadAsStringAsync()));
        await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject, Limits.ResetRequestsPerIdPerHour);

        // 本人のブラウザは確認なしで受け付けられ、認証キーが届く
        Assert.Equal("/Account/ResetPassword", (await RequestResetAsync(victim, Email)).Headers.Location?.OriginalString);
        var mail = await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject, Limits.ResetRequestsPerIdPerHour + 1);
        Assert.Matches("[0-9]{8}", Mails.Key(mail));
    }

    [Fact]
    public async Task A_stranger_with_solved_checks_gets_at_most_the_ceiling()
    {
        using var stranger = app.CreateHttpClient();
        for (var i = 0; i < Limits.ResetRequestsPerIdPerHour; i++) await RequestResetAsync(stranger, Email);
        for (var i = 0; i < Limits.ResetMailsPerIdPerHour + 3; i++)
        {
            Assert.Equal("/Account/ResetPassword", (await RequestResetAsync(stranger, Email, FakeReCaptcha.PassingToken(BotGate.ResetAction))).Headers.Location?.OriginalString);
        }
        await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject, Limits.ResetMailsPerIdPerHour);
        Assert.Equal(Limits.ResetMailsPerIdPerHour, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Email)));
        Assert.Equal(Limits.ResetMailsPerIdPerHour, ResetMailsTo(Email));
    }

    [Fact]
    public async Task A_known_browser_has_its_own_budget_that_another_known_browser_cannot_drain()
    {
        // 本人のブラウザと、一度ログインしたことのある別のブラウザ（盗んだパスワードで入った他人のものでも）
        var seekerCookies = new CookieContainer();
        using var seeker = app.CreateHttpClient(seekerCookies);
        await Forms.LoginAsync(seeker, Email, Password);
        await Forms.LogoutAsync(seeker);
        using var other = app.CreateHttpClient(new CookieContainer());
        await Forms.LoginAsync(other, Email, Password);

        // 別のブラウザが自分の枠を使い切る（それ以上はメールにならない）
        for (var i = 0; i < Limits.ResetMailsPerKnownBrowserPerHour + 2; i++)
            Assert.Equal("/Account/ResetPassword", (await RequestResetAsync(other, Email)).Headers.Location?.OriginalString);
        await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject, Limits.ResetMailsPerKnownBrowserPerHour);

        // 本人のブラウザには、まだ自分の3通がある
        for (var i = 1; i <= Limits.ResetMailsPerKnownBrowserPerHour; i++)
        {
            Assert.Equal("/Account/ResetPassword", (await RequestResetAsync(seeker, Email)).Headers.Location?.OriginalString);
            await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject, Limits.ResetMailsPerKnownBrowserPerHour + i);
        }
        Assert.Equal(2 * Limits.ResetMailsPerKnownBrowserPerHour, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Email && m.Subject == ResetMails.RequestSubject)));
    }

    [Fact]
    public async Task A_browser_stops_being_known_when_the_seeker_signs_out_other_devices()
    {
        using var seeker = app.CreateHttpClient(new CookieContainer());
        await Forms.LoginAsync(seeker, Email, Password);
        using var other = app.CreateHttpClient(new CookieContainer());
        await Forms.LoginAsync(other, Email, Password);
        await Forms.LogoutAsync(other);

        await Forms.PostAsync(seeker, "/Settings/Security?handler=SignOutOthers", new() { ["Input.Password"] = Password });

        // 別のブラウザは、知らないブラウザと同じ: 自分の枠はなく、ID の3回のあとは人の確認
        for (var i = 0; i < Limits.ResetRequestsPerIdPerHour; i++) await RequestResetAsync(other, Email);
        Assert.True(BotChecks.Asked(await (await RequestResetAsync(other, Email)).Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.PasswordResetRequests.CountAsync(r => r.LoginIdTag == app.IdTag(Email) && r.KnownBrowser)));
        // 本人のブラウザは、まだ前にログインしたブラウザ: 確認なしで届く
        Assert.Equal("/Account/ResetPassword", (await RequestResetAsync(seeker, Email)).Headers.Location?.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.PasswordResetRequests.CountAsync(r => r.LoginIdTag == app.IdTag(Email) && r.KnownBrowser)));
    }
}

// 一つの接続元の天井: 人の確認を解き続けても、知らないブラウザから送らせる再登録のメールは、どの ID へも合わせて1時間に20通まで。
// 人の確認は reCAPTCHA で通す (ReCaptchaAbuseSite)。天井は確認の方法によらない
public class ClientCeilingTests(ClientCeilingTests.Site site) : AbuseTest(site), IClassFixture<ClientCeilingTests.Site>
{
    // 送信の速さの上限（1分に30）は別の試験 (StuffingTests): ここでは天井だけを見る
    public sealed class Site() : ReCaptchaAbuseSite(more: new Dictionary<string, string?> { ["MyPage:RateLimits:FormPostsPerMinute"] = "100000" });

    [Fact]
    public async Task Past_its_ceiling_a_client_gets_no_reset_mail_for_any_id_even_with_solved_checks()
    {
        // 一つの接続元が、人の確認を解きながら、登録のある多くの ID に申し込む
        var ids = new List<string>();
        for (var i = 0; i < Limits.ResetMailsPerClientPerHour + 5; i++)
        {
            var id = $"victim{i}-{Email}";
            await app.CreateSeekerAsync(id, Password);
            ids.Add(id);
        }
        using var client = app.CreateHttpClient();
        foreach (var id in ids)
        {
            var response = await RequestResetAsync(client, id);
            if (BotChecks.Asked(await response.Content.ReadAsStringAsync()))
                response = await RequestResetAsync(client, id, FakeReCaptcha.PassingToken(BotGate.ResetAction));
            // 画面はいつも同じ（送ったかどうかは見せない）
            Assert.Equal("/Account/ResetPassword", response.Headers.Location?.OriginalString);
        }
        var mails = await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => ids.Contains(m.To)));
        Assert.Equal(Limits.ResetMailsPerClientPerHour, mails);
    }
}
