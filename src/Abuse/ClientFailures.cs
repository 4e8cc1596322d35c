using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyPage.Data;
using MyPage.Security;

namespace MyPage.Abuse;

// 接続元ごとの、ID をまたいだログインの失敗（パスワードリスト攻撃は ID ごとのロックにかからないので、接続元でも数える）。
// 固定の窓: 窓の始まりから ClientFailureWindow の間に ClientLoginFailures 回失敗したら、窓の終わりまで人の確認が要る。
// 数はデータベースにあり（インスタンスをまたぐ）、送信はそれで決める。ログインの画面を開くとき (S1 の GET) は、
// このインスタンスが覚えている「確認が要る」接続元 (CheckedClients) だけを見て、データベースを読まない。
internal sealed class ClientFailures(MyPageDb db, RequestOrigins origins, IOptions<RateLimitOptions> options, TimeProvider time, CheckedClients known)
{
    private RateLimitOptions Options => options.Value;

    // 人の確認が要るなら、要らなくなる時刻（JavaScript なしの人に伝える）。要らなければ null
    public async Task<DateTimeOffset?> CheckRequiredUntilAsync(string client, CancellationToken ct = default)
    {
        var tag = TagOf(client);
        var now = time.GetUtcNow();
        var windowStart = now - Options.ClientFailureWindow;
        var row = await db.ClientThrottles.AsNoTracking().SingleOrDefaultAsync(c => c.ClientTag == tag, ct);
        if (row is null || row.WindowStartedAt <= windowStart || row.Failures < Options.ClientLoginFailures) return null;
        var until = row.WindowStartedAt + Options.ClientFailureWindow;
        known.Remember(tag, until);
        return until;
    }

    // 画面を開くとき: このインスタンスが、確認が要ると知っている接続元なら、要らなくなる時刻（データベースは読まない）。
    // 別のインスタンスで数えられた接続元は、最初の送信で確認を求められ、そこから覚える
    public DateTimeOffset? KnownCheckRequiredUntil(string client) => known.RequiredUntil(TagOf(client));

    // ログインの失敗を一つ数える（窓が過ぎていれば数え直す）
    public async Task RecordAsync(string client, CancellationToken ct = default)
    {
        var tag = TagOf(client);
        var now = time.GetUtcNow();
        await CountClientFailure.RunAsync(db, tag, now, now - Options.ClientFailureWindow, ct);
        // 上限に届いたなら、次に画面を開いたときから確認を出す
        await CheckRequiredUntilAsync(client, ct);
    }

    private string TagOf(string client) => origins.CountingTagOf(client);

    // 後片付け: 窓の過ぎた行
    public Task<int> PurgeAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var windowStart = now - Options.ClientFailureWindow;
        return db.ClientThrottles.Where(c => c.WindowStartedAt <= windowStart).ExecuteDeleteAsync(ct);
    }
}
