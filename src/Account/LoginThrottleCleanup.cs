using MyPage.Housekeeping;

namespace MyPage.Account;

// 後片付け: 24時間数えていない、ロックの終わったログイン失敗の記録
internal sealed class LoginThrottleCleanup(LoginThrottleStore store) : IHousekeepingStep
{
    public Leftover Kind => Leftover.Throttles;

    public Task<int> RemoveAsync(DateTimeOffset now, CancellationToken ct) => store.PurgeAsync(now, ct);
}
