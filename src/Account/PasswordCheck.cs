using Microsoft.AspNetCore.Identity;
using MyPage.Abuse;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Security;

namespace MyPage.Account;

internal enum PasswordCheckOutcome { Verified, Wrong, Locked }

// 何のためにパスワードを確かめるか。どれも同じロックの回数に数える。ID をまたいだ接続元の失敗に数えるのはログインだけ
internal enum PasswordPurpose { Login, Withdrawal, MynaportalLink, MynaportalUnlink, SignOutOtherDevices, IdChange, PasskeyRegistration }

internal sealed record PasswordCheckResult(PasswordCheckOutcome Outcome, Seeker? Seeker = null, DateTimeOffset? LockedUntil = null);

// パスワードの照合はすべてここを通る（ログイン、退会や ID(メールアドレス)の変更などの確認）。ロックの回数に数え、ロック中は照合しない。
internal sealed class PasswordCheck(
    UserManager<Seeker> users,
    LoginThrottleStore throttle,
    UnknownIdHash unknownIdHash,
    ClientFailures clientFailures,
    IdTags tags,
    TimeProvider time,
    PasswordHashingGate hashing,
    AccountMetrics metrics,
    ILogger<PasswordCheck> log)
{
    // 監査ログに書く「何のための照合か」（ログの言葉。判断には使わない）
    public static string Describe(PasswordPurpose purpose) => purpose switch
    {
        PasswordPurpose.Login => "ログイン",
        PasswordPurpose.Withdrawal => "退会のパスワード確認",
        PasswordPurpose.MynaportalLink => "マイナポータル連携のパスワード確認",
        PasswordPurpose.MynaportalUnlink => "マイナポータル連携解除のパスワード確認",
        PasswordPurpose.IdChange => "ID(メールアドレス)の変更のパスワード確認",
        PasswordPurpose.PasskeyRegistration => "パスキー登録のパスワード確認",
        _ => "他の端末からのログアウトのパスワード確認",
    };

    // loginId は正規化済みのID。成功すれば失敗の回数を数え直す。
    // ただしワンタイムパスワードが続くログインでは数え直さない (clearOnSuccess: false): ログインが済むのはコードが合ったとき
    public async Task<PasswordCheckResult> CheckAsync(string loginId, string password, PasswordPurpose purpose, RequestOrigin origin,
        bool clearOnSuccess = true, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var idTag = tags.ForLog(loginId);
        var client = origin.LogTag;

        var reservation = await throttle.ReserveAsync(loginId, now, ct);
        if (!reservation.Granted)
        {
            await CountClientFailureAsync(purpose, origin, ct);
            log.RefusedWhileLocked(Describe(purpose), idTag, client, now);
            return new(PasswordCheckOutcome.Locked, LockedUntil: reservation.LockedUntil);
        }

        var seeker = await users.FindByNameAsync(loginId);
        if (!await VerifyAsync(seeker, password))
        {
            await CountClientFailureAsync(purpose, origin, ct);
            log.PasswordRejected(Describe(purpose), idTag, reservation.Failures, client, now);
            if (!reservation.LocksOnFailure) return new(PasswordCheckOutcome.Wrong);
            log.AccountLocked(idTag, reservation.LockedUntil, client, now);
            metrics.LockoutStarted();
            return new(PasswordCheckOutcome.Locked, LockedUntil: reservation.LockedUntil);
        }

        if (clearOnSuccess) await throttle.ClearAsync(loginId, ct);
        else await throttle.RefundAsync(loginId, reservation, ct);
        return new(PasswordCheckOutcome.Verified, seeker);
    }

    // ログインの失敗は接続元でも数える（ID をまたいだパスワードリスト攻撃）。ログインしてからの確認は数えない
    private Task CountClientFailureAsync(PasswordPurpose purpose, RequestOrigin origin, CancellationToken ct)
        => purpose == PasswordPurpose.Login ? clientFailures.RecordAsync(origin.Key, ct) : Task.CompletedTask;

    private async Task<bool> VerifyAsync(Seeker? seeker, string password)
    {
        if (seeker?.PasswordHash is not { } hash)
        {
            // アカウント列挙の防止: 存在しないIDでも同じ照合をしてから失敗にする
            await hashing.RunAsync(() => users.PasswordHasher.VerifyHashedPassword(new Seeker(), unknownIdHash.Value, password));
            return false;
        }
        var result = await hashing.RunAsync(() => users.PasswordHasher.VerifyHashedPassword(seeker, hash, password));
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            seeker.PasswordHash = await hashing.RunAsync(() => users.PasswordHasher.HashPassword(seeker, password));
            await users.UpdateAsync(seeker);
        }
        return result != PasswordVerificationResult.Failed;
    }
}
