using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Security;

namespace MyPage.Account;

// ログイン試行の予約とロック。パスワードを照合する前に、一つの条件付き UPDATE で
// 試行を「失敗」として先に数える。並列の要求が何件来ても照合は最大5回で、ロックは一度だけ。
// (Identity の読み込み→書き込みの数え方では並列要求ですり抜けられる: CVE-2023-33170)
public sealed class LoginThrottleStore(MyPageDb db, IdTags tags)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(30);

    // 失敗の間が24時間あけば、それまでの失敗は数えない（放っておかれた行を消せるように）
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(24);

    // Granted: 照合してよい。Failures: この試行を含めた連続失敗数。LockedUntil: ロック期限。
    public sealed record Reservation(bool Granted, int Failures, DateTimeOffset? LockedUntil)
    {
        public bool LocksOnFailure => Granted && Failures >= MaxFailures;
    }

    // loginId は正規化したID。行にはその鍵付きのタグだけを置く
    public async Task<Reservation> ReserveAsync(string loginId, DateTimeOffset now, CancellationToken ct = default)
    {
        var idTag = tags.Of(loginId);
        var nowMs = now.ToUnixTimeMilliseconds();
        var lockUntilMs = (now + LockDuration).ToUnixTimeMilliseconds();
        var forgetMs = (now - ForgetAfter).ToUnixTimeMilliseconds();

        // 行を作る文と数える文は別なので、その間に、同じ ID の成功（ログイン、退会の確認）やロック解除が行を消すことがある。
        // 数える文が何も変えず、ロック中の行もなければ、もう一度（行はすぐに作り直されるので、数回で済む）
        for (var attempt = 1; ; attempt++)
        {
            // SQLite と PostgreSQL で同じ文（ON CONFLICT と RETURNING は両方にある）。時刻は db.Instant で各々の列の型に
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "LoginThrottles" ("IdTag", "Failures", "LockedUntil", "UpdatedAt") VALUES ({idTag}, 0, NULL, {db.Instant(nowMs)}) ON CONFLICT ("IdTag") DO NOTHING""", ct);

            // ロック中は何も変えない（ロック中の失敗でロックは延びない）。
            // 期限切れのロックと、24時間前より古い失敗は数え直し。この試行で上限に達したら、同じ文でロックする
            var reserved = await db.Database.SqlQuery<int>($"""
                UPDATE "LoginThrottles"
                SET "Failures" = CASE WHEN "LockedUntil" IS NOT NULL OR "UpdatedAt" <= {db.Instant(forgetMs)} THEN 1 ELSE "Failures" + 1 END,
                    "LockedUntil" = CASE WHEN (CASE WHEN "LockedUntil" IS NOT NULL OR "UpdatedAt" <= {db.Instant(forgetMs)} THEN 1 ELSE "Failures" + 1 END) >= {MaxFailures}
                                       THEN {db.Instant(lockUntilMs)} ELSE NULL END,
                    "UpdatedAt" = {db.Instant(nowMs)}
                WHERE "IdTag" = {idTag} AND ("LockedUntil" IS NULL OR "LockedUntil" <= {db.Instant(nowMs)})
                RETURNING "Failures" AS "Value"
                """).ToListAsync(ct);
            if (reserved is [var failures])
                return new Reservation(true, failures, failures >= MaxFailures ? DateTimeOffset.FromUnixTimeMilliseconds(lockUntilMs) : null);

            var locks = await db.LoginThrottles.AsNoTracking()
                .Where(t => t.IdTag == idTag && t.LockedUntil != null && t.LockedUntil > nowMs).Select(t => t.LockedUntil).ToListAsync(ct);
            if (locks is [long lockedUntil])
                return new Reservation(false, MaxFailures, DateTimeOffset.FromUnixTimeMilliseconds(lockedUntil));
            // 消されたばかり。何度も続くのは、成功が絶え間なく重なるときだけ（正しいパスワードを持つ人の操作）: 多めに数える側へ倒さず、
            // 一回目の失敗として数えたことにして進む（照合は行う。500 にも、誤ったロックの知らせにもしない）
            if (attempt == 5) return new Reservation(true, 1, null);
        }
    }

    // パスワードは合ったが、ログインはまだ済んでいない（ワンタイムパスワードを待つ）: 予約した一回を失敗に数えずに戻す。
    // それまでの失敗は残る（コードの誤りはその続きに数える）。間にほかの試行があれば戻さない（多めに数えるほうへ倒す）
    public Task<int> RefundAsync(string loginId, Reservation reservation, CancellationToken ct = default)
    {
        var idTag = tags.Of(loginId);
        var before = reservation.Failures - 1;
        return db.LoginThrottles.Where(t => t.IdTag == idTag && t.Failures == reservation.Failures)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Failures, before).SetProperty(t => t.LockedUntil, (long?)null), ct);
    }

    // ログイン成功、スタッフによるロック解除、パスワード再登録で数え直す
    public Task<int> ClearAsync(string loginId, CancellationToken ct = default)
        => db.LoginThrottles.Where(t => t.IdTag == tags.Of(loginId)).ExecuteDeleteAsync(ct);

    // 後片付け: ロック中でなく、24時間何もない行を消す（存在しないIDの行がたまり続けないように）
    public Task<int> PurgeAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var forgetMs = (now - ForgetAfter).ToUnixTimeMilliseconds();
        return db.LoginThrottles
            .Where(t => t.UpdatedAt <= forgetMs && (t.LockedUntil == null || t.LockedUntil <= nowMs))
            .ExecuteDeleteAsync(ct);
    }
}
