using System.Collections.Concurrent;

namespace MyPage.Abuse;

// このインスタンスが知っている、人の確認が要る接続元（数えるタグ）と、要らなくなる時刻。ログインの画面を開くたびに
// データベースを読まないための覚え書きで、決めるのはデータベースの数 (ClientFailures)。再起動で消えても、最初の送信で戻る。
// 多くの接続元から攻められても大きくならない: Capacity を超えるときは時刻の過ぎたものを捨て、それでも一杯なら覚えない
// （覚えなかった接続元も、送信では確認を求められる）
internal sealed class CheckedClients(TimeProvider time)
{
    public const int Capacity = 100_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> until = new(StringComparer.Ordinal);

    public void Remember(string tag, DateTimeOffset requiredUntil)
    {
        if (until.Count >= Capacity && !until.ContainsKey(tag))
        {
            Forget(time.GetUtcNow());
            if (until.Count >= Capacity) return;
        }
        until[tag] = requiredUntil;
    }

    public DateTimeOffset? RequiredUntil(string tag)
    {
        if (!until.TryGetValue(tag, out var end)) return null;
        if (end > time.GetUtcNow()) return end;
        until.TryRemove(new KeyValuePair<string, DateTimeOffset>(tag, end));
        return null;
    }

    public int Count => until.Count;

    private void Forget(DateTimeOffset now)
    {
        foreach (var (tag, end) in until)
            if (end <= now) until.TryRemove(new KeyValuePair<string, DateTimeOffset>(tag, end));
    }
}
