using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Housekeeping;

namespace MyPage.IdChange;

// 後片付け: 期限から KeepRequests たった ID(メールアドレス)の変更の申込み（その間は、1時間あたりの上限にも数える）
internal sealed class IdChangeRequestsCleanup(MyPageDb db) : IHousekeepingStep
{
    public Leftover Kind => Leftover.Requests;

    public Task<int> RemoveAsync(DateTimeOffset now, CancellationToken ct)
    {
        var before = now - Housekeeper.KeepRequests;
        return db.IdChangeRequests.Where(r => r.ExpiresAt <= before).ExecuteDeleteAsync(ct);
    }
}
