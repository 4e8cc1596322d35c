using Microsoft.AspNetCore.Identity;
using MyPage.Data;

namespace MyPage.Sessions;

// ログインの成立: ID・パスワードでもマイナポータルからでも同じ手順でセッションを始める
public sealed class SessionStarter(SignInManager<Seeker> signIn, LoginHistory history)
{
    public const string PasswordMethod = "pwd";
    public const string MynaportalMethod = "mynaportal";

    public async Task StartAsync(Seeker seeker, string method, DateTimeOffset now, CancellationToken ct = default)
    {
        await history.RecordAsync(seeker, now, ct);
        // 前のセッションを使い回さない（セッション固定の防止）。サーバー側の行も消える。
        if (signIn.Context.User.Identity?.IsAuthenticated == true) await signIn.SignOutAsync();
        await signIn.SignInAsync(seeker, isPersistent: false, authenticationMethod: method);
    }
}
