using MyPage.Data;
using MyPage.Housekeeping;

namespace MyPage.Abuse;

// 後片付け: 窓の過ぎた、接続元ごとのログイン失敗の数
internal sealed class ClientFailuresCleanup(ClientFailures failures) : IHousekeepingStep
{
    public Leftover Kind => Leftover.Throttles;

    public Task<int> RemoveAsync(DateTimeOffset now, CancellationToken ct) => failures.PurgeAsync(now, ct);
}

// 後片付け: 期限が過ぎ、次の問題の重さにももう数えない、使い終わった人の確認
internal sealed class UsedBotChallengesCleanup(MyPageDb db) : IHousekeepingStep
{
    public Leftover Kind => Leftover.Throttles;

    public Task<int> RemoveAsync(DateTimeOffset now, CancellationToken ct) => CheckPasses.PurgeAsync(db, now, ct);
}
