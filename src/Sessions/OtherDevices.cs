using MyPage.Audit;
using MyPage.Data;

namespace MyPage.Sessions;

// 「他の端末からログアウトする」: このセッションだけを残して、ほかのセッションをすべて終え、
// ワンタイムパスワードを省略するブラウザもすべて解除する（盗まれたパスワードで作られた抜け道を一度に閉じる）。
public sealed class OtherDevices(MyPageDb db, Browsers browsers, TimeProvider time, ILogger<OtherDevices> log)
{
    // (終えたセッションの数, 解除したブラウザの数)。いまのセッションが読めなければ何もしない (null)
    public async Task<(int Sessions, int Browsers)?> SignOutAsync(HttpContext http, Seeker seeker, CancellationToken ct = default)
    {
        if (SessionRestart.CurrentSessionKey(http) is not { } current) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sessions = await ServerSessionStore.EndOthersAsync(db, seeker.Id, current, ct);
        var untrusted = await browsers.UntrustAllAsync(seeker.Id, ct);
        await tx.CommitAsync(ct);
        var client = http.Connection.RemoteIpAddress?.ToString();
        var now = time.GetUtcNow();
        log.OtherSessionsEnded(seeker.Id, sessions, untrusted, client, now);
        return (sessions, untrusted);
    }
}
