using Microsoft.EntityFrameworkCore;

namespace MyPage.Data;

// ID のログインの失敗を一つの文で数える（SQLite と PostgreSQL で同じ文。ON CONFLICT と RETURNING は両方にある）:
// 行がなければ一回目の失敗として作り、あれば数える。ロック中は何も変えず、何も返らない（ロック中の失敗でロックは延びない）。
// 期限切れのロックと forgetBefore より古い失敗は数え直し。この試行で maxFailures に達したら、同じ文で lockUntil までロックする。
// 作ると数えるが一つの文なので、間に同じ ID の成功やロック解除が行を消しても、数え損ねることも、ありもしないロックを知らせることもない
internal static class ReserveLoginFailure
{
    // 数えた後の失敗の数。ロック中なら null
    public static async Task<int?> RunAsync(MyPageDb db, string idTag, DateTimeOffset now, DateTimeOffset forgetBefore, DateTimeOffset lockUntil, int maxFailures, CancellationToken ct = default)
    {
        var t = db.NamesOf<LoginThrottle>();
        var (tag, failures, locked, updated) = (t[nameof(LoginThrottle.IdTag)], t[nameof(LoginThrottle.Failures)], t[nameof(LoginThrottle.LockedUntil)], t[nameof(LoginThrottle.UpdatedAt)]);
        var rows = await db.Database.SqlQuery<int>(db.Sql($"""
            INSERT INTO {t.Table} AS t ({tag}, {failures}, {locked}, {updated})
            VALUES ({idTag}, 1, NULL, {now}) -- 一回目の失敗ではロックしない (maxFailures は 2 以上)
            ON CONFLICT ({tag}) DO UPDATE
            SET {failures} = CASE WHEN t.{locked} IS NOT NULL OR t.{updated} <= {forgetBefore} THEN 1 ELSE t.{failures} + 1 END,
                {locked} = CASE WHEN (CASE WHEN t.{locked} IS NOT NULL OR t.{updated} <= {forgetBefore} THEN 1 ELSE t.{failures} + 1 END) >= {maxFailures}
                                THEN {lockUntil} ELSE NULL END,
                {updated} = {now}
            WHERE t.{locked} IS NULL OR t.{locked} <= {now}
            RETURNING {failures} AS "Value"
            """)).ToListAsync(ct);
        return rows is [var counted] ? counted : null;
    }
}
