using Microsoft.EntityFrameworkCore;

namespace MyPage.Data;

// 接続元のログインの失敗を一つ数える（窓 windowStart が過ぎていれば 1 から数え直す）。
// 行がなければ作り、数えるのは一つの UPDATE なので、並列でも数え損ねない
internal static class CountClientFailure
{
    public static async Task RunAsync(MyPageDb db, string clientTag, DateTimeOffset now, DateTimeOffset windowStart, CancellationToken ct = default)
    {
        var t = db.NamesOf<ClientThrottle>();
        var (tag, failures, started) = (t[nameof(ClientThrottle.ClientTag)], t[nameof(ClientThrottle.Failures)], t[nameof(ClientThrottle.WindowStartedAt)]);
        await db.Database.ExecuteSqlAsync(db.Sql($"""
            INSERT INTO {t.Table} ({tag}, {failures}, {started}) VALUES ({clientTag}, 0, {now})
            ON CONFLICT ({tag}) DO NOTHING
            """), ct);
        await db.Database.ExecuteSqlAsync(db.Sql($"""
            UPDATE {t.Table}
            SET {failures} = CASE WHEN {started} <= {windowStart} THEN 1 ELSE {failures} + 1 END,
                {started} = CASE WHEN {started} <= {windowStart} THEN {now} ELSE {started} END
            WHERE {tag} = {clientTag}
            """), ct);
    }
}
