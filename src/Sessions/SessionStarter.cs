using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using MyPage.Data;

namespace MyPage.Sessions;

// ログインの成立: ID・パスワードでもマイナポータルからでも同じ手順でセッションを始める
public sealed class SessionStarter(SignInManager<Seeker> signIn, LoginHistory history, ServerSessionStore store)
{
    public const string PasswordMethod = "pwd";
    public const string MynaportalMethod = "mynaportal";

    // ログインした時刻（延長しても変わらない）。これから AbsoluteLifetime で終わる
    public const string SignedInAtKey = "mypage-signed-in-at";

    public async Task StartAsync(Seeker seeker, string method, DateTimeOffset now, CancellationToken ct = default)
    {
        await history.RecordAsync(seeker, now, ct);
        // このブラウザの前のセッションは使い回さずに消す（セッション固定の防止）。要求の Cookie は SessionRestart が外してある
        if (SessionRestart.IncomingSessionKey(signIn.Context) is { } previous) await store.RemoveAsync(previous);
        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.Items[SignedInAtKey] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        await signIn.SignInAsync(seeker, properties, method);
    }
}
