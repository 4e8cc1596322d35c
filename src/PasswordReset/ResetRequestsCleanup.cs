using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Housekeeping;

namespace MyPage.PasswordReset;

// 後片付け: 期限から KeepRequests たった再登録の申込み（その間は、1時間あたりの上限にも数える）
internal sealed class ResetRequestsCleanup(MyPageDb db) : IHousekeepingStep
{
    public Leftover Kind => Leftover.Requests;

    public Task<int> RemoveAsync(DateTimeOffset now, CancellationToken ct)
    {
        var requestsBefore = now - Housekeeper.KeepRequests;
        return db.PasswordResetRequests.Where(r => r.ExpiresAt <= requestsBefore).ExecuteDeleteAsync(ct);
    }
}
