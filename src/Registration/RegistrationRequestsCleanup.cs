using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Housekeeping;

namespace MyPage.Registration;

// 後片付け: 期限から KeepRequests たった仮登録
internal sealed class RegistrationRequestsCleanup(MyPageDb db) : IHousekeepingStep
{
    public Leftover Kind => Leftover.Requests;

    public Task<int> RemoveAsync(DateTimeOffset now, CancellationToken ct)
    {
        var requestsBefore = now - Housekeeper.KeepRequests;
        return db.RegistrationRequests.Where(r => r.ExpiresAt <= requestsBefore).ExecuteDeleteAsync(ct);
    }
}
