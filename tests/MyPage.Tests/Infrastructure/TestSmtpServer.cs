using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MyPage.Tests.Infrastructure;

// テストのプロセスの中で動く本物の SMTP サーバー（SmtpServer パッケージ）。止めて、また動かせる。
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private CancellationTokenSource? running;
    private Task? serverTask;

    public int Port { get; } = LoopbackPort.Free();

    // 次の N 通は本文を受け取ったまま答えない（送信の途中で送り手が殺される試験）。答えなかったメールは届いたことにしない
    public void HoldNext(int count) => Interlocked.Exchange(ref store.HoldCount, count);
    public int Holding => Volatile.Read(ref store.HeldCount);

    // 遅い SMTP サーバー: 本文を受け取ってから、この時間たってから受け付ける（止めるときに送り終えるかの試験）
    public void SlowDown(TimeSpan delay) => Interlocked.Exchange(ref store.DelayMilliseconds, (int)delay.TotalMilliseconds);
    private readonly Store store;

    public TestSmtpServer() => store = new Store(received);

    // この宛先は 550 で断る（届かないアドレス: 送り直しても変わらない失敗）
    public void RejectRecipient(string address) => recipients.Rejected[address] = true;
    private readonly RecipientFilter recipients = new();

    private sealed class RecipientFilter : MailboxFilter
    {
        public readonly ConcurrentDictionary<string, bool> Rejected = new();

        public override Task<bool> CanDeliverToAsync(ISessionContext context, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox from, CancellationToken cancellationToken)
            => Task.FromResult(!Rejected.ContainsKey($"{to.User}@{to.Host}"));
    }
    public IReadOnlyList<MimeMessage> Messages => received.ToArray();

    public void Start()
    {
        if (running is not null) return;
        running = new CancellationTokenSource();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        services.Add(recipients);
        var server = new SmtpServer.SmtpServer(options, services);
        serverTask = server.StartAsync(running.Token);
        WaitUntilListening();
    }

    // Start から戻ったときには接続を受けられるようにしておく（送り直しのテストが競争にならないように）
    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    public async Task StopAsync()
    {
        if (running is null) return;
        await running.CancelAsync();
        try { await serverTask!; } catch (OperationCanceledException) { }
        running.Dispose();
        running = null;
    }

    // 宛先と件名が合うメールが届くまで待つ（時間切れは失敗）
    public async Task<MimeMessage> WaitForAsync(string to, string subject, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var matches = For(to, subject);
            if (matches.Count >= count) return matches[count - 1];
            await Task.Delay(50);
        }
        throw new TimeoutException($"{to} 宛の「{subject}」が {count} 通届きませんでした（届いたのは {For(to, subject).Count} 通）");
    }

    public List<MimeMessage> For(string to, string subject)
        => received.Where(m => m.To.Mailboxes.Any(a => a.Address == to) && m.Subject == subject).ToList();

    public async ValueTask DisposeAsync() => await StopAsync();


    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public int HoldCount;
        public int HeldCount;
        public int DelayMilliseconds;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref HoldCount) >= 0)
            {
                Interlocked.Increment(ref HeldCount);
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            if (Volatile.Read(ref DelayMilliseconds) is > 0 and var delay)
            {
                Interlocked.Increment(ref HeldCount);
                await Task.Delay(delay, cancellationToken);
            }
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
