using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Revocation;

namespace MyPage.OneTimePassword;

// ワンタイムパスワードを待っているログインは、資格情報とともに終わる（古いパスワードで始めたログインに、新しいコードを送らせない）
internal sealed class WaitingLoginsRevoker(MyPageDb db) : IGrantRevoker
{
    public Grant Grant => Grant.WaitingLogins;

    public Task<int> RevokeAsync(RevocationScope scope, CancellationToken ct)
    {
        var now = scope.Now;
        return db.PendingLogins.Where(p => p.SeekerId == scope.SeekerId && p.UsedAt == null && p.VoidedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.VoidedAt, now), ct);
    }
}
