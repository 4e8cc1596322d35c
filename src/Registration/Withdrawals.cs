using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MyPage.Account;
using MyPage.Data;
using MyPage.Mail;

namespace MyPage.Registration;

public enum WithdrawOutcome { Withdrawn, WrongPassword, Locked }

// 退会: パスワードをもう一度確かめてから、求職者の行を消す。
// データベースの連鎖削除で、セッション（すべて終わる）、マイナポータルの連携、再登録の申込みも消える。
public sealed class Withdrawals(
    MyPageDb db,
    UserManager<Seeker> users,
    LoginThrottleStore throttle,
    Outbox outbox,
    TimeProvider time,
    ILogger<Withdrawals> log)
{
    public async Task<(WithdrawOutcome Outcome, DateTimeOffset? LockedUntil)> WithdrawAsync(Seeker seeker, string password, string? clientAddress, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var loginId = seeker.NormalizedUserName!;
        // 退会のためのパスワード確認も、ログインと同じ回数制限で数える
        var reservation = await throttle.ReserveAsync(loginId, now, ct);
        if (!reservation.Granted) return (WithdrawOutcome.Locked, reservation.LockedUntil);
        if (seeker.PasswordHash is null || users.PasswordHasher.VerifyHashedPassword(seeker, seeker.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            log.LogWarning("退会のパスワード確認に失敗 seeker={SeekerId} client={Client}", seeker.Id, clientAddress);
            return reservation.LocksOnFailure ? (WithdrawOutcome.Locked, reservation.LockedUntil) : (WithdrawOutcome.WrongPassword, null);
        }

        var email = seeker.Email!;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var deleted = await users.DeleteAsync(seeker);
        if (!deleted.Succeeded) throw new InvalidOperationException("退会できませんでした: " + deleted.Errors.First().Code);
        await db.RegistrationRequests.Where(r => r.Email == email).ExecuteDeleteAsync(ct);
        await throttle.ClearAsync(loginId, ct);
        outbox.Add(email, RegistrationMails.WithdrawnSubject, RegistrationMails.WithdrawnBody(now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Notify();
        log.LogInformation("退会 seeker={SeekerId} client={Client} at={At:o}", seeker.Id, clientAddress, now);
        return (WithdrawOutcome.Withdrawn, null);
    }
}
