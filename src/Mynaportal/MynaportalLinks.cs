using Microsoft.EntityFrameworkCore;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Mail;
using MyPage.Revocation;
using MyPage.Sessions;

namespace MyPage.Mynaportal;

internal enum LinkOutcome { Linked, SubjectLinkedToAnother, SeekerAlreadyLinked }

// 3.4「マイナポータルとつなげる」: 連携の記録と解除。連携・解除のたびにお知らせメールを送る。
internal sealed class MynaportalLinks(MyPageDb db, Outbox outbox, CredentialRevocation revocation, Browsers browsers, TimeProvider time, ILogger<MynaportalLinks> log)
{
    public Task<MynaportalLink?> ForSeekerAsync(string seekerId, CancellationToken ct = default)
        => db.MynaportalLinks.AsNoTracking().SingleOrDefaultAsync(l => l.SeekerId == seekerId, ct);

    public async Task<Seeker?> FindSeekerAsync(string issuer, string subject, CancellationToken ct = default)
    {
        var issuerKey = IssuerKey(issuer);
        var seekerId = await db.MynaportalLinks.AsNoTracking()
            .Where(l => l.Issuer == issuerKey && l.Subject == subject).Select(l => l.SeekerId).SingleOrDefaultAsync(ct);
        return seekerId is null ? null : await db.Users.SingleOrDefaultAsync(s => s.Id == seekerId, ct);
    }

    public async Task<LinkOutcome> LinkAsync(Seeker seeker, string issuer, string subject, CancellationToken ct = default)
    {
        var issuerKey = IssuerKey(issuer);
        var now = time.GetUtcNow();
        await using var tx = await outbox.BeginAsync(ct);
        if (await db.MynaportalLinks.AnyAsync(l => l.Issuer == issuerKey && l.Subject == subject, ct))
            return Refused(LinkOutcome.SubjectLinkedToAnother, seeker);
        if (await db.MynaportalLinks.AnyAsync(l => l.SeekerId == seeker.Id, ct))
            return Refused(LinkOutcome.SeekerAlreadyLinked, seeker);

        db.MynaportalLinks.Add(new MynaportalLink { SeekerId = seeker.Id, Issuer = issuerKey, Subject = subject, LinkedAt = now });
        outbox.Add(seeker.Email!, MynaportalMails.LinkedSubject, MynaportalMails.LinkedBody(now));
        await tx.CommitAsync(ct);
        log.MynaportalLinked(seeker.Id, now);
        return LinkOutcome.Linked;
    }

    // 連携解除: このセッションとこのブラウザのほかは、資格情報が開いたものをすべて終える
    // （心当たりのない連携を外したなら、それで開かれたセッションも残さない）。パスワードの確認は画面が先にする
    public async Task<bool> UnlinkAsync(HttpContext http, Seeker seeker, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await outbox.BeginAsync(ct);
        var removed = await db.MynaportalLinks.Where(l => l.SeekerId == seeker.Id).ExecuteDeleteAsync(ct);
        if (removed == 0) return false;
        await revocation.RevokeAsync(seeker.Id, RevocationReason.MynaportalUnlinked, SessionRestart.CurrentSessionKey(http), browsers.ExistingTagOf(http), ct);
        outbox.Add(seeker.Email!, MynaportalMails.UnlinkedSubject, MynaportalMails.UnlinkedBody(now));
        await tx.CommitAsync(ct);
        log.MynaportalUnlinked(seeker.Id, now);
        return true;
    }

    private LinkOutcome Refused(LinkOutcome outcome, Seeker seeker)
    {
        log.MynaportalLinkRefused(outcome.ToString(), seeker.Id);
        return outcome;
    }

    public static string IssuerKey(string issuer) => issuer.TrimEnd('/');
}
