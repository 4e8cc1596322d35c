using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using MyPage.Data;
using MyPage.Mail;
using MyPage.Security;

namespace MyPage.Sessions;

// ログインの成立: ID・パスワードでも、ワンタイムパスワードのあとでも、マイナポータルからでも同じ手順でセッションを始める。
// 前回のログイン日時とログイン履歴を記録し、初めてのブラウザなら「ログインのお知らせ」を送る（同じトランザクションで）。
internal sealed class SessionStarter(
    SignInManager<Seeker> signIn,
    LoginHistory history,
    LoginRecords records,
    Browsers browsers,
    Outbox outbox,
    RequestOrigins origins,
    ServerSessionStore store)
{
    // ログインした時刻（延長しても変わらない）。これから AbsoluteLifetime で終わる
    public const string SignedInAtKey = "mypage-signed-in-at";

    // method: ログインの方法の短い名前（履歴に残す）、methodName: その言葉（「ログインのお知らせ」に書く）。どちらもログインの方法の表から
    public async Task StartAsync(Seeker seeker, string method, string methodName, DateTimeOffset now, CancellationToken ct = default)
    {
        var http = signIn.Context;
        // 履歴、このブラウザの記録、お知らせのメールに同じ言葉で書く
        var browser = UserAgents.Describe(http.Request.Headers.UserAgent.ToString());
        var client = origins.Of(http).Masked;
        await using (var tx = await outbox.BeginAsync(ct))
        {
            await history.RecordAsync(seeker, now, ct);
            await records.AddAsync(seeker, now, method, browser, client, ct);
            if (await browsers.RecordLoginAsync(http, seeker, now, browser, ct))
                outbox.Add(seeker.Email!, LoginMails.NewBrowserSubject, LoginMails.NewBrowserBody(now, methodName, browser, client));
            await tx.CommitAsync(ct);
        }

        // このブラウザの前のセッションは使い回さずに消す（セッション固定の防止）。要求の Cookie は SessionRestart が外してある
        if (SessionRestart.IncomingSessionKey(http) is { } previous) await store.RemoveAsync(previous);
        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.Items[SignedInAtKey] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        properties.Items[SignedInDevices.BrowserKey] = browser;
        await signIn.SignInAsync(seeker, properties, method);
    }
}
