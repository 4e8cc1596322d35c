using System.Net;
using Microsoft.EntityFrameworkCore;
using MyPage.Pages.Account;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Sessions;

// セッションの終わり方: 操作を続けていても、ログインから12時間 (MyPage:Session:AbsoluteLifetime) で終わる。
// ログインしたままもう一度ログインしても、ログインしたまま（新しい鍵で、古い行は消える）。
public class SessionLifetimeTests(SiteFixture site) : SeekerTest(site), IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Cannot_stay_signed_in_past_twelve_hours_however_active_and_login_says_why()
    {
        var cookies = new CookieContainer();
        using var client = app.CreateHttpClient(cookies);
        await Forms.LoginAsync(client, Email, Password);

        // 20分ごとに操作を続ける（操作がない30分には一度も達しない）
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(12) - TimeSpan.FromMinutes(20); elapsed += TimeSpan.FromMinutes(20))
        {
            app.Time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Home")).StatusCode);
        }
        app.Time.Advance(TimeSpan.FromMinutes(20));
        var ended = await client.GetAsync("/Home");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("status=expired", ended.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(LoginTexts.SessionExpired(12), await client.GetStringAsync(ended.Headers.Location!.OriginalString));
        Assert.Equal(0, await app.WithDbAsync(db => db.Sessions.CountAsync(s => s.SeekerId == SeekerId)));
    }

    [Fact]
    public async Task Can_stay_signed_in_after_logging_in_again_while_signed_in()
    {
        var cookies = new CookieContainer();
        using var client = app.CreateHttpClient(cookies);
        await Forms.LoginAsync(client, Email, Password);
        var first = cookies.GetCookies(app.BaseUrl)["__Host-mypage-session"]!.Value;

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(client, Email, Password)).StatusCode);
        var second = cookies.GetCookies(app.BaseUrl)["__Host-mypage-session"]!.Value;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Home")).StatusCode);
        // 前のセッションの行は消え、残るのは一つ
        Assert.Equal(1, await app.WithDbAsync(db => db.Sessions.CountAsync(s => s.SeekerId == SeekerId)));
    }
}
