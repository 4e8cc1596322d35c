using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using MyPage.Data;

namespace MyPage.Mail;

// 送るメールを、呼び出し側のトランザクションの中で送信待ちの表に積む。
// コミットが成功すればメールは必ず残り、OutboxSender が送り届ける。
internal sealed class Outbox(MyPageDb db, IOptions<MailOptions> options, TimeProvider time, OutboxSignal signal, IDataProtectionProvider protection)
{
    // 送信待ちの間の秘密（認証キー、本登録の URL）を守る目的。ほかの目的の保護とは混ざらない
    public const string SecretPurpose = "MyPage.Outbox.Secret.v1";

    private bool queued;

    // データの変更とメールを一つのトランザクションに: BeginAsync → 変更と Add → CommitAsync。
    // CommitAsync を呼ばずに抜ければ、変更もメールも取り消される。
    public async Task<MailTransaction> BeginAsync(CancellationToken ct = default)
        => new(db, await db.Database.BeginTransactionAsync(ct), this);

    // 本文の前後に、すべてのメールで同じ挨拶と結びを付ける。
    // secret があれば、本文の MailText.Secret の印の所に送るときだけ入れる（データベースには保護した形でだけ置く）
    public void Add(string to, string subject, string body, string? secret = null)
    {
        if (secret is not null != body.Contains(MailText.Secret, StringComparison.Ordinal))
            throw new ArgumentException("秘密を渡すときは本文に MailText.Secret の印を一つ入れてください。", nameof(body));
        var now = time.GetUtcNow();
        var domain = options.Value.From.Split('@') is [_, var d] ? d : "mypage.local";
        db.OutboxMessages.Add(new OutboxMessage
        {
            MessageId = $"{Guid.NewGuid():N}@{domain}",
            To = to,
            Subject = subject,
            Body = MailText.Compose(body),
            Secret = secret is null ? null : protection.CreateProtector(SecretPurpose).Protect(secret),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        queued = true;
    }

    // コミットの後に: メールを積んでいれば送信者をすぐに起こす
    private void WakeSender()
    {
        if (queued) signal.Notify();
        queued = false;
    }

    public sealed class MailTransaction(MyPageDb db, IDbContextTransaction transaction, Outbox outbox) : IAsyncDisposable
    {
        // 保存してコミットし、送信者を起こす
        public async Task CommitAsync(CancellationToken ct = default)
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            outbox.WakeSender();
        }

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}

// 送信待ちができたことを送信者に知らせる。待っていない間の知らせも取りこぼさない。
internal sealed class OutboxSignal
{
    private readonly Lock gate = new();
    private bool pending;
    private TaskCompletionSource waiter = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify()
    {
        lock (gate)
        {
            pending = true;
            waiter.TrySetResult();
        }
    }

    // 知らせが来るか timeout がたつまで待つ
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        Task signalled;
        lock (gate)
        {
            if (pending) { pending = false; return; }
            if (waiter.Task.IsCompleted) waiter = new(TaskCreationOptions.RunContinuationsAsynchronously);
            signalled = waiter.Task;
        }
        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(signalled, Task.Delay(timeout, time, stopDelay.Token));
        await stopDelay.CancelAsync();
        ct.ThrowIfCancellationRequested();
        lock (gate) pending = false;
    }
}
