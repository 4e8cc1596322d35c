using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Security;

namespace MyPage.Abuse;

// 人の確認を通った記録（計算による確認の答え、待つ確認）: 一つの答えは一度だけ通り、同じ接続元がこの1時間に通った数だけ、
// 次の確認が倍に重くなる（計算は問題の大きさ、待つ確認は待つ時間）。表は UsedBotChallenges（期限の1時間あとに後片付けが消す）
internal sealed class CheckPasses(MyPageDb db, IdTags tags, TimeProvider time)
{
    public static readonly TimeSpan DoublingWindow = TimeSpan.FromHours(1);

    // この接続元がこの1時間に通った確認の数（20 で頭打ち: 倍にする回数の上限）
    public async Task<int> CountAsync(string client, CancellationToken ct = default)
    {
        var tag = ClientTag(client);
        var since = time.GetUtcNow() - DoublingWindow;
        return Math.Min(20, await db.UsedBotChallenges.CountAsync(c => c.ClientTag == tag && c.UsedAt > since, ct));
    }

    // 答え key を使い終わりにする。先に入れた要求だけが true（同時に二つ送っても一度だけ）
    public Task<bool> RecordAsync(string key, string client, DateTimeOffset expires, CancellationToken ct = default)
        => UsedChallenges.InsertIfAbsentAsync(db, key, ClientTag(client), expires, time.GetUtcNow(), ct);

    private string ClientTag(string client) => tags.Of("bot-check-client:" + client);

    // 期限の過ぎた記録を消す（後片付け）。倍にする数え方に使う間（1時間）は残す
    public static Task<int> PurgeAsync(MyPageDb db, DateTimeOffset now, CancellationToken ct = default)
    {
        var windowStart = now - DoublingWindow;
        return db.UsedBotChallenges.Where(c => c.ExpiresAt <= now && c.UsedAt <= windowStart).ExecuteDeleteAsync(ct);
    }
}
