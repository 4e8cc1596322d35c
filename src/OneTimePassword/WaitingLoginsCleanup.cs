using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Housekeeping;

namespace MyPage.OneTimePassword;

// 後片付け: 期限から KeepRequests たった、ワンタイムパスワードを待つログイン（その間は、1時間のメールの上限にも数える）
internal sealed class WaitingLoginsCleanup(MyPageDb db) : IHousekeepingStep
{
    public Leftover Kind => Leftover.Requests;

    public Task<int> RemoveAsync(DateTimeOffset now, CancellationToken ct)
    {
        var requestsBefore = now - Housekeeper.KeepRequests;
        return db.PendingLogins.Where(p => p.ExpiresAt <= requestsBefore).ExecuteDeleteAsync(ct);
    }
}
