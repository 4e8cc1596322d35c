using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Security;

namespace MyPage.Account;

// ログイン試行の予約とロック。パスワードを照合する前に、一つの条件付き UPDATE で
// 試行を「失敗」として先に数える。並列の要求が何件来ても照合は最大5回で、ロックは一度だけ。
// (Identity の読み込み→書き込みの数え方では並列要求ですり抜けられる: CVE-2023-33170)
internal sealed class LoginThrottleStore(MyPageDb db, IdTags tags)
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
        var lockUntil = now + LockDuration;

        // 一つの文で数える（24時間前より古い失敗は数え直し。ロック中は何も変えず null）: ReserveLoginFailure
        for (var attempt = 1; ; attempt++)
        {
            if (await ReserveLoginFailure.RunAsync(db, idTag, now, now - ForgetAfter, lockUntil, MaxFailures, ct) is { } failures)
                return new Reservation(true, failures, failures >= MaxFailures ? lockUntil : null);

            // 何も返らなかった: ロック中。その期限を読む
            var locks = await db.LoginThrottles.AsNoTracking()
                .Where(t => t.IdTag == idTag && t.LockedUntil != null && t.LockedUntil > now).Select(t => t.LockedUntil).ToListAsync(ct);
            if (locks is [DateTimeOffset lockedUntil])
                return new Reservation(false, MaxFailures, lockedUntil);
            // 読む前にロックが解かれた（スタッフの解除、パスワード再登録）: もう一度数える（二度目で済む。三度続くのは、その間に
            // ほかの誰かが5回誤ってロックし、それがまた解かれたときだけ）。それでも重なれば、一回目の失敗として進む（500 にしない）
            if (attempt == 3) return new Reservation(true, 1, null);
        }
    }

    // パスワードは合ったが、ログインはまだ済んでいない（ワンタイムパスワードを待つ）: 予約した一回を失敗に数えずに戻す。
    // それまでの失敗は残る（コードの誤りはその続きに数える）。間にほかの試行があれば戻さない（多めに数えるほうへ倒す）
    public Task<int> RefundAsync(string loginId, Reservation reservation, CancellationToken ct = default)
    {
        var idTag = tags.Of(loginId);
        var before = reservation.Failures - 1;
        return db.LoginThrottles.Where(t => t.IdTag == idTag && t.Failures == reservation.Failures)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Failures, before).SetProperty(t => t.LockedUntil, (DateTimeOffset?)null), ct);
    }

    // ログイン成功、スタッフによるロック解除、パスワード再登録で数え直す
    public Task<int> ClearAsync(string loginId, CancellationToken ct = default)
        => db.LoginThrottles.Where(t => t.IdTag == tags.Of(loginId)).ExecuteDeleteAsync(ct);

    // 後片付け: ロック中でなく、24時間何もない行を消す（存在しないIDの行がたまり続けないように）
    public Task<int> PurgeAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var forgetBefore = now - ForgetAfter;
        return db.LoginThrottles
            .Where(t => t.UpdatedAt <= forgetBefore && (t.LockedUntil == null || t.LockedUntil <= now))
            .ExecuteDeleteAsync(ct);
    }
}
