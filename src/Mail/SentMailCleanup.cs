using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Housekeeping;

namespace MyPage.Mail;

// 後片付け: 送ったメールと、送れないと分かったメール（宛先と本文は個人の情報）。まだ送っていないメールは消さない
internal sealed class SentMailCleanup(MyPageDb db) : IHousekeepingStep
{
    public static readonly TimeSpan KeepSentMail = TimeSpan.FromDays(7);

    public Leftover Kind => Leftover.Mails;

    public Task<int> RemoveAsync(DateTimeOffset now, CancellationToken ct)
    {
        var sentBefore = now - KeepSentMail;
        return db.OutboxMessages.Where(m => (m.SentAt != null && m.SentAt <= sentBefore) || (m.FailedAt != null && m.FailedAt <= sentBefore))
            .ExecuteDeleteAsync(ct);
    }
}
