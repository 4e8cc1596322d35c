using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Housekeeping;

namespace MyPage.Mynaportal;

// 後片付け: 期限の過ぎた、連携の見つからなかったマイナポータルのサインイン（長く待たないので、期限が来たらすぐ）
internal sealed class PendingSignInsCleanup(MyPageDb db) : IHousekeepingStep
{
    public Leftover Kind => Leftover.Requests;

    public Task<int> RemoveAsync(DateTimeOffset now, CancellationToken ct)
    {
        return db.PendingMynaportalSignIns.Where(p => p.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }
}
