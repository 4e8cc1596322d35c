using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MyPage.Account;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Mail;
using MyPage.Revocation;
using MyPage.Security;

namespace MyPage.Registration;

internal enum WithdrawOutcome { Withdrawn, AlreadyWithdrawn, WrongPassword, Locked }

// 退会: パスワードをもう一度確かめてから、資格情報が開いたものをすべて終え、求職者の行を消す。
// データベースの連鎖削除で、マイナポータルの連携、再登録の申込み、ログイン履歴なども消える。
internal sealed class Withdrawals(
    MyPageDb db,
    UserManager<Seeker> users,
    PasswordCheck check,
    CredentialRevocation revocation,
    Outbox outbox,
    TimeProvider time,
    ILogger<Withdrawals> log)
{
    public async Task<(WithdrawOutcome Outcome, DateTimeOffset? LockedUntil)> WithdrawAsync(Seeker seeker, string password, RequestOrigin origin, CancellationToken ct = default)
    {
        var loginId = seeker.NormalizedUserName!;
        // 退会のためのパスワード確認も、ログインと同じ回数制限で数える
        var checkedPassword = await check.CheckAsync(loginId, password, PasswordPurpose.Withdrawal, origin, ct: ct);
        switch (checkedPassword.Outcome)
        {
            case PasswordCheckOutcome.Locked: return (WithdrawOutcome.Locked, checkedPassword.LockedUntil);
            // 同時に送られたほかの退会がもう消していた: パスワードの誤りではない
            case PasswordCheckOutcome.Wrong when !await db.Users.AnyAsync(u => u.Id == seeker.Id, ct): return (WithdrawOutcome.AlreadyWithdrawn, null);
            case PasswordCheckOutcome.Wrong: return (WithdrawOutcome.WrongPassword, null);
        }

        var now = time.GetUtcNow();
        var email = seeker.Email!;
        await using var tx = await outbox.BeginAsync(ct);
        await revocation.RevokeAsync(seeker.Id, RevocationReason.Withdrawal, ct: ct);
        var deleted = await users.DeleteAsync(seeker);
        // 同時に送られた退会（二度押し、別の端末）は一つだけが消す。ほかは「もう済んでいる」と答える
        if (!deleted.Succeeded) return (WithdrawOutcome.AlreadyWithdrawn, null);
        await db.RegistrationRequests.Where(r => r.Email == email).ExecuteDeleteAsync(ct);
        outbox.Add(email, RegistrationMails.WithdrawnSubject, RegistrationMails.WithdrawnBody(now));
        await tx.CommitAsync(ct);
        log.Withdrawn(seeker.Id, origin.LogTag, now);
        return (WithdrawOutcome.Withdrawn, null);
    }
}
