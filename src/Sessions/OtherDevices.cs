using MyPage.Audit;
using MyPage.Data;
using MyPage.Revocation;
using MyPage.Security;

namespace MyPage.Sessions;

// 「他の端末からログアウトする」: このセッションとこのブラウザだけを残して、資格情報が開いたものをすべて終える
// （ほかのセッション、待っているログイン、省略するブラウザ、前にログインしたほかのブラウザ、認証キー。盗まれたパスワードで作られた抜け道を一度に閉じる）。
// パスワードの確認は画面が先にする（PasswordCheck）。
internal sealed class OtherDevices(
    MyPageDb db,
    CredentialRevocation revocation,
    Browsers browsers,
    RequestOrigins origins,
    TimeProvider time,
    ILogger<OtherDevices> log)
{
    // 終えたものの数。いまのセッションが読めなければ何もしない (null)
    public async Task<IReadOnlyDictionary<Grant, int>?> SignOutAsync(HttpContext http, Seeker seeker, CancellationToken ct = default)
    {
        if (SessionRestart.CurrentSessionKey(http) is not { } current) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ended = await revocation.RevokeAsync(seeker.Id, RevocationReason.SignOutOtherDevices, current, browsers.ExistingTagOf(http), ct);
        await tx.CommitAsync(ct);
        var (client, sessions, trusted, now) = (origins.Of(http).LogTag, ended[Grant.Sessions], ended[Grant.TrustedBrowsers], time.GetUtcNow());
        log.OtherSessionsEnded(seeker.Id, sessions, trusted, client, now);
        return ended;
    }
}
