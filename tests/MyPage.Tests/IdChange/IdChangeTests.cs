using System.Net;
using Microsoft.EntityFrameworkCore;
using MyPage.IdChange;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.IdChange;

// ID(メールアドレス)の変更の、データベースの上での約束（SQLite と PostgreSQL の両方で、同じ試験）
public class IdChangeOnSqliteTests(SiteFixture site) : IdChangeTests(site), IClassFixture<SiteFixture>;

[Trait("Category", "PostgreSQL")]
public class IdChangeOnPostgreSqlTests(IdChangeOnPostgreSqlTests.Site site) : IdChangeTests(site), IClassFixture<IdChangeOnPostgreSqlTests.Site>
{
    public sealed class Site() : SiteFixture(null, Store.PostgreSql);
}

public abstract class IdChangeTests(SiteFixture site) : SeekerTest(site)
{
    private string NewEmail => "new-" + Email;

    // 同じ認証キーを、同じ人の二つのブラウザから同時に送っても、変わるのは一度だけ（通知も一組だけ）。どちらも 500 にならない
    [Fact]
    public async Task Two_parallel_confirmations_make_exactly_one_change()
    {
        using var first = app.CreateHttpClient();
        using var second = app.CreateHttpClient();
        await Forms.LoginAsync(first, Email, Password);
        await Forms.LoginAsync(second, Email, Password);
        await Forms.PostAsync(first, "/Settings/ChangeId", new() { ["Input.NewId"] = NewEmail, ["Input.ConfirmId"] = NewEmail, ["Input.Password"] = Password });
        var key = Mails.Key(await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ConfirmSubject));

        // 二つの送信を用意してから（フォームのトークンを取ってから）、同時に送る
        async Task<HttpRequestMessage> PrepareAsync(HttpClient client)
        {
            var token = Forms.Token(await client.GetStringAsync("/Settings/ChangeIdKey"));
            return new HttpRequestMessage(HttpMethod.Post, "/Settings/ChangeIdKey")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Key"] = key }),
            };
        }
        using var a = await PrepareAsync(first);
        using var b = await PrepareAsync(second);
        var responses = await Task.WhenAll(first.SendAsync(a), second.SendAsync(b));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{r.StatusCode}"));
        Assert.Contains(responses, r => r.Headers.Location?.ToString() == "/Settings?status=id-changed");
        Assert.Equal(NewEmail, await app.WithDbAsync(db => db.Users.Where(u => u.Id == SeekerId).Select(u => u.Email).SingleAsync()));
        Assert.Single(LogLines, l => l.StartsWith("ID(メールアドレス)の変更 ", StringComparison.Ordinal));
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject == IdChangeMails.ChangedSubject && (m.To == Email || m.To == NewEmail))));
        Assert.Equal(1, await app.WithDbAsync(db => db.IdChangeRequests.CountAsync(r => r.SeekerId == SeekerId && r.UsedAt != null)));
    }

    // ほかの端末のセッションは、変わったときに終わる（その端末は、次に来たとき理由を聞く）。このセッションは続く
    [Fact]
    public async Task A_session_in_another_browser_ends_at_the_change_and_this_one_stays()
    {
        using var mine = app.CreateHttpClient();
        using var other = app.CreateHttpClient();
        await Forms.LoginAsync(mine, Email, Password);
        await Forms.LoginAsync(other, Email, Password);
        await Forms.PostAsync(mine, "/Settings/ChangeId", new() { ["Input.NewId"] = NewEmail, ["Input.ConfirmId"] = NewEmail, ["Input.Password"] = Password });
        var key = Mails.Key(await app.Smtp.WaitForAsync(NewEmail, IdChangeMails.ConfirmSubject));
        // 認証キーを入れるまでは、ほかの端末も続く
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/Home")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(mine, "/Settings/ChangeIdKey", new() { ["Input.Key"] = key })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync("/Home")).StatusCode);
        var ended = await other.GetAsync("/Home");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("/Account/Login?returnUrl=%2FHome&status=id-changed", ended.Headers.Location!.PathAndQuery);
    }
}
