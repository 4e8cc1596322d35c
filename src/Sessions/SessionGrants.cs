using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyPage.Data;
using MyPage.Revocation;

namespace MyPage.Sessions;

// 資格情報が開いたもののうち、このモジュールが持つもの: セッション、省略してよいブラウザ、前にログインしたブラウザ

// セッションは消さずに「終えた理由」の印に変える（SessionEndings）: その端末が次に来たとき、時間切れではなく本当の理由を伝える
internal sealed class SessionsRevoker(MyPageDb db, IOptions<SessionPolicy> policy) : IGrantRevoker
{
    public Grant Grant => Grant.Sessions;

    public Task<int> RevokeAsync(RevocationScope scope, CancellationToken ct)
    {
        var keep = scope.KeepSessionKey is { } key ? ServerSessionStore.Hash(key) : null;
        var reason = scope.Reason.ToString();
        var fallback = scope.Now + policy.Value.IdleTimeout;
        return db.Sessions.Where(s => s.SeekerId == scope.SeekerId && s.Id != keep).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.SeekerId, (string?)null)
            .SetProperty(s => s.Ticket, Array.Empty<byte>())
            .SetProperty(s => s.EndedBy, reason)
            .SetProperty(s => s.ExpiresAt, s => s.ExpiresAt ?? fallback), ct);
    }
}

// どのブラウザでも、次はワンタイムパスワードが要る（残すブラウザも。省略はコードを入れて選び直せる）
internal sealed class TrustedBrowsersRevoker(MyPageDb db) : IGrantRevoker
{
    public Grant Grant => Grant.TrustedBrowsers;

    public Task<int> RevokeAsync(RevocationScope scope, CancellationToken ct)
        => db.SeekerBrowsers.Where(b => b.SeekerId == scope.SeekerId && b.TrustedUntil != null)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.TrustedUntil, (DateTimeOffset?)null), ct);
}

// 残すブラウザのほかは、もう「前にログインしたブラウザ」ではない（自分の枠も、人の確認の免除もなくなる。
// 次にログインすれば「ログインのお知らせ」が届く）
internal sealed class KnownBrowsersRevoker(MyPageDb db) : IGrantRevoker
{
    public Grant Grant => Grant.KnownBrowsers;

    public Task<int> RevokeAsync(RevocationScope scope, CancellationToken ct)
        => db.SeekerBrowsers.Where(b => b.SeekerId == scope.SeekerId && b.BrowserTag != scope.KeepBrowserTag).ExecuteDeleteAsync(ct);
}
