using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MyPage.Data;
using MyPage.Time;

namespace MyPage.Mail;

// 送信待ちのメールを送る。失敗したら間隔を広げながら送り直し、あきらめない（メールを失わない）。
// 送る前に行を「送信中」として確保するので、複数のインスタンスでも同じメールを同時に送らない。
internal sealed class OutboxSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<MailOptions> options,
    OutboxSignal signal,
    IDataProtectionProvider protection,
    TimeProvider time,
    OutboxMetrics metrics,
    ILogger<OutboxSender> log) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(30);

    // 1回目の失敗で30秒、その後は倍々で、最大30分
    public static TimeSpan Backoff(int attempts)
        => TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.OutboxUnreadable(e);
            }
            await signal.WaitAsync(PollInterval, time, stoppingToken);
        }
    }

    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MyPageDb>();
        var now = time.GetUtcNow();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(ct);

        var sent = 0;
        foreach (var id in due)
        {
            // 止めるとき (SIGTERM) は、もう確保しない。確保していないメールはほかのインスタンスが送る
            if (ct.IsCancellationRequested) break;
            if (await DeliverAsync(db, id, ct)) sent++;
        }
        if (metrics.Observed) await CountWaitingAsync(db, ct);
        return sent;
    }

    // 送っていない行の数と、いちばん古い行の時刻（行は積んだ順の Id）
    private async Task CountWaitingAsync(MyPageDb db, CancellationToken ct)
    {
        var waiting = db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null && m.FailedAt == null);
        var count = await waiting.LongCountAsync(ct);
        var oldest = count == 0 ? null : await waiting.OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        metrics.Waiting(count, oldest);
    }

    private async Task<bool> DeliverAsync(MyPageDb db, long id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var claimUntil = now + ClaimFor;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, claimUntil), ct);
        if (claimed == 0) return false;

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        try
        {
            // 確保して送り始めたメールは、止めるときも送り終えて記録する（途中で切ると、リースが切れるまで届かない）。
            // 送り終えないうちにプロセスが殺されたら (SIGKILL)、ClaimFor のリースが切れてから、ほかのインスタンスが送る
            await transport.SendAsync(ToMime(message), CancellationToken.None);
        }
        catch (Exception e) when (IsPermanent(e))
        {
            // 送り直しても届かない: 失敗として記録し、本文と秘密を消す（運用者はログ 2005 と FailedAt で分かる）
            var failedAt = time.GetUtcNow();
            var error = Describe(e);
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.FailedAt, failedAt)
                .SetProperty(m => m.Attempts, message.Attempts + 1)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, error.Length > 500 ? error[..500] : error)
                .SetProperty(m => m.Body, (string?)null)
                .SetProperty(m => m.Secret, (string?)null), CancellationToken.None);
            log.FailedPermanently(id, message.Subject, error);
            metrics.Send(SendOutcome.Failed);
            return false;
        }
        catch (Exception e)
        {
            var attempts = message.Attempts + 1;
            var next = time.GetUtcNow() + Backoff(attempts);
            var error = Describe(e);
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, error.Length > 500 ? error[..500] : error), CancellationToken.None);
            log.SendFailed(id, attempts, next, error);
            metrics.Send(SendOutcome.Retry);
            return false;
        }

        var sentAt = time.GetUtcNow();
        // 送ったら本文と秘密は消す（個人の情報と、使える秘密を残さない）。記録は宛先・件名・Message-ID・時刻
        await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.Attempts, message.Attempts + 1)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.Body, (string?)null)
            .SetProperty(m => m.Secret, (string?)null), CancellationToken.None);
        log.Sent(id, message.Subject);
        metrics.Send(SendOutcome.Sent);
        return true;
    }

    // 送り直しても変わらない失敗: 宛先を読めない、SMTP サーバーが宛先か本文を 5xx で断った。
    // 送り手の設定の誤り（差出人の拒否、認証）や接続の失敗は、直れば送れるので送り直す
    public static bool IsPermanent(Exception e) => e switch
    {
        ParseException => true,
        MailKit.Net.Smtp.SmtpCommandException smtp => (int)smtp.StatusCode >= 500
            && smtp.ErrorCode is MailKit.Net.Smtp.SmtpErrorCode.RecipientNotAccepted or MailKit.Net.Smtp.SmtpErrorCode.MessageNotAccepted,
        _ => false,
    };

    // 運用者が読む失敗の理由（SMTP の応答の番号も）
    private static string Describe(Exception e) => e is MailKit.Net.Smtp.SmtpCommandException smtp
        ? $"{e.GetType().Name} {(int)smtp.StatusCode} {smtp.ErrorCode}: {e.Message}"
        : $"{e.GetType().Name}: {e.Message}";

    private string WithSecret(OutboxMessage message)
        => message.Secret is null
            ? message.Body ?? ""
            : (message.Body ?? "").Replace(MailText.Secret, protection.CreateProtector(Outbox.SecretPurpose).Unprotect(message.Secret), StringComparison.Ordinal);

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mail = new MimeMessage
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            Date = JapanTime.From(message.CreatedAt),
            Body = new TextPart("plain") { Text = WithSecret(message) },
        };
        mail.From.Add(new MailboxAddress(options.Value.FromName, options.Value.From));
        mail.To.Add(MailboxAddress.Parse(message.To));
        return mail;
    }
}

internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 2001, EventName = "MailSent", Level = LogLevel.Information, Message = "メール送信 outbox={Id} subject={Subject}")]
    public static partial void Sent(this ILogger log, long id, string subject);

    [LoggerMessage(EventId = 2002, EventName = "MailSendFailed", Level = LogLevel.Warning,
        Message = "メール送信に失敗 outbox={Id} attempt={Attempts} next={Next:o} error={Error}")]
    public static partial void SendFailed(this ILogger log, long id, int attempts, DateTimeOffset next, string error);

    [LoggerMessage(EventId = 2003, EventName = "OutboxUnreadable", Level = LogLevel.Error, Message = "送信待ちのメールを読めませんでした。あとでもう一度試します。")]
    public static partial void OutboxUnreadable(this ILogger log, Exception e);

    [LoggerMessage(EventId = 2005, EventName = "MailFailedPermanently", Level = LogLevel.Error,
        Message = "メールを送れません（送り直しません） outbox={Id} subject={Subject} error={Error}")]
    public static partial void FailedPermanently(this ILogger log, long id, string subject, string error);
}
