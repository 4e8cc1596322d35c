using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Metrics;

namespace MyPage.Sessions;

// mypage.sessions.active: 終わっていないログインセッションの数（すべてのインスタンスの合計: 表は一つ）。
// 読みに来るたびに問い合わせない: 値は RefreshEvery ごとに裏で数え直し、読みに来たときは覚えている値を返す
internal sealed class SessionMetrics : ISiteGauges
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider time;
    private readonly ILogger<SessionMetrics> log;
    private readonly BackgroundRefresh refresh;
    private long active;

    public SessionMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time, ILogger<SessionMetrics> log)
    {
        this.scopes = scopes;
        this.time = time;
        this.log = log;
        refresh = new(time, RefreshEvery, CountAsync);
        meters.Meter().CreateObservableGauge("mypage.sessions.active", Observe, "{session}", "Login sessions that have not ended (all instances)");
    }

    private long Observe()
    {
        refresh.WhenDue();
        return Interlocked.Read(ref active);
    }

    // 数えられなければ false: 前の値のまま、次に読みに来たときにまた数える
    private async Task<bool> CountAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MyPageDb>();
            var now = time.GetUtcNow();
            Interlocked.Exchange(ref active, await db.Sessions.AsNoTracking()
                .LongCountAsync(s => s.SeekerId != null && s.EndedBy == null && (s.ExpiresAt == null || s.ExpiresAt > now)));
            return true;
        }
        catch (Exception e)
        {
            // 数えられなくても（データベースが止まっている）、前の値のまま。準備の確認 (/healthz/ready) が知らせる
            log.ActiveSessionsUncounted(e);
            return false;
        }
    }
}

internal static partial class SessionMetricsLog
{
    [LoggerMessage(EventId = 2601, EventName = "ActiveSessionsUncounted", Level = LogLevel.Warning, Message = "ログイン中のセッションを数えられませんでした。")]
    public static partial void ActiveSessionsUncounted(this ILogger log, Exception e);
}
