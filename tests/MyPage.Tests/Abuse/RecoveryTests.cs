using System.Net;
using Microsoft.EntityFrameworkCore;
using MyPage.Mail;
using MyPage.PasswordReset;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Abuse;

// パスワード再登録を、他人が止められないこと: S2 を送りつけても、本人の前にログインしたブラウザには認証キーが届く
public class RecoveryTests(AbuseSite site) : AbuseTest(site), IClassFixture<AbuseSite>
{
    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, string id, string? botCheck = null)
        => Forms.PostAsync(client, "/Account/ForgotPassword", botCheck is null ? new() { ["Input.Id"] = id } : new() { ["Input.Id"] = id, ["BotCheck"] = botCheck });

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
        for (var i = 0; i < MailQuota.PerAddressPerHour; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(stranger, Email)).StatusCode);
        Assert.True(BotChecks.Asked(await (await RequestAsync(stranger, Email)).Content.ReadAsStringAsync()));
        await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject, MailQuota.PerAddressPerHour);

        // 本人のブラウザは確認なしで受け付けられ、認証キーが届く
        Assert.Equal("/Account/ResetPassword", (await RequestAsync(victim, Email)).Headers.Location?.OriginalString);
        var mail = await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject, MailQuota.PerAddressPerHour + 1);
        Assert.Matches("[0-9]{8}", Mails.Key(mail));
    }

    [Fact]
    public async Task A_stranger_with_solved_checks_gets_at_most_the_ceiling()
    {
        using var stranger = app.CreateHttpClient();
        for (var i = 0; i < MailQuota.PerAddressPerHour; i++) await RequestAsync(stranger, Email);
        for (var i = 0; i < MailQuota.CeilingPerAddressPerHour + 3; i++)
        {
            var solution = BotChecks.Solve(await stranger.GetStringAsync("/Account/ForgotPassword?check=1"));
            Assert.Equal("/Account/ResetPassword", (await RequestAsync(stranger, Email, solution)).Headers.Location?.OriginalString);
        }
        await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject, MailQuota.CeilingPerAddressPerHour);
        Assert.Equal(MailQuota.CeilingPerAddressPerHour, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Email)));
        Assert.Equal(MailQuota.CeilingPerAddressPerHour, ResetMailsTo(Email));
    }
}
