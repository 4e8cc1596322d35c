using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Housekeeping;

namespace MyPage.Sessions;

// 後片付け: アイドルの期限を過ぎたセッション
internal sealed class ExpiredSessionsCleanup(MyPageDb db) : IHousekeepingStep
{
    public Leftover Kind => Leftover.Sessions;

    public Task<int> RemoveAsync(DateTimeOffset now, CancellationToken ct)
    {
        return db.Sessions.Where(s => s.ExpiresAt != null && s.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }
}

// 後片付け: ブラウザの Cookie の寿命を過ぎて使われていない、省略もしていないブラウザは、もう来ない
internal sealed class UnusedBrowsersCleanup(MyPageDb db) : IHousekeepingStep
{
    public Leftover Kind => Leftover.Requests;

    public Task<int> RemoveAsync(DateTimeOffset now, CancellationToken ct)
    {
        var browsersBefore = now - Browsers.CookieLifetime;
        return db.SeekerBrowsers.Where(b => b.LastSeenAt <= browsersBefore && (b.TrustedUntil == null || b.TrustedUntil <= now))
            .ExecuteDeleteAsync(ct);
    }
}
