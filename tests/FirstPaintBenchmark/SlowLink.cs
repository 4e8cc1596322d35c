using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace FirstPaintBenchmark;

// 遅い回線をまねる、ループバックの TCP の中継。ブラウザはここにつなぎ、中継がサイトへつなぐ。
// CDP の回線のまね (Network.emulateNetworkConditions) は TCP と TLS の往復を飛ばすので、往復の数が数えられない。
// ここでは TLS の往復はそのまま遅れ、TCP の接続の往復は、受け付けてから一往復のあいだブラウザからのバイトを送らないことでまねる
// （カーネルがループバックで先に接続を済ませてしまうため）。
// 回線は向きごとに一本（すべての接続で分ける）: 速さ (bit/s) で一区切り (1,460 バイト) ずつ送り出し、片道の遅れの後に届ける。
// 中継の中で溜めるので、TCP のスロースタートはまねない（初めの窓は 10 区切り = 14.6 KB: 入口の画面の HTML はその中に収まる）。
public sealed class SlowLink : IAsyncDisposable
{
    private const int Segment = 1460;

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint target;
    private readonly long roundTrip;
    private readonly Line down;
    private readonly Line up;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<int, Task> relays = new();
    private readonly Task accepting;
    private readonly double startedUnixMilliseconds = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;
    private readonly long startedTimestamp = Stopwatch.GetTimestamp();
    private int connections;
    private int open;

    public SlowLink(IPEndPoint target, TimeSpan roundTrip, long bitsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bitsPerSecond);
        this.target = target;
        this.roundTrip = Ticks(roundTrip);
        down = new Line(bitsPerSecond, this.roundTrip / 2);
        up = new Line(bitsPerSecond, this.roundTrip / 2);
        listener.Start();
        accepting = AcceptAsync(stop.Token);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    // これまでに受け付けた接続の数と、いま開いている接続の数
    public int Connections => Volatile.Read(ref connections);
    public int Open => Volatile.Read(ref open);

    public long BytesDown => down.Bytes;
    public long BytesUp => up.Bytes;

    // ある時刻（Unix 時刻のミリ秒: ブラウザの performance.timeOrigin と同じ物差し）までに、向きごとに届けたバイト数
    public (long Down, long Up) DeliveredBefore(double unixMilliseconds)
    {
        var at = startedTimestamp + Ticks(TimeSpan.FromMilliseconds(unixMilliseconds - startedUnixMilliseconds));
        return (down.DeliveredBefore(at), up.DeliveredBefore(at));
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private async Task AcceptAsync(CancellationToken ct)
    {
        var id = 0;
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref connections);
            // 数えてから始める（中継がすぐに終わっても、開いている数が負にならない）
            Interlocked.Increment(ref open);
            var key = id++;
            relays[key] = RelayAsync(client, key, ct);
        }
    }

    private async Task RelayAsync(Socket client, int key, CancellationToken ct)
    {
        // ブラウザにとって接続が済むのは、SYN が行って SYN-ACK が戻った後: それまでのバイトは送り出さない
        var connected = Stopwatch.GetTimestamp() + roundTrip;
        var server = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        // 片方が壊れたら（リセット、中止）両方を閉じる: もう片方の読み書きも終わる
        void Abort()
        {
            client.Dispose();
            server.Dispose();
        }
        try
        {
            client.NoDelay = true;
            await server.ConnectAsync(target, ct);
            await Task.WhenAll(
                PumpAsync(client, server, up, connected, Abort, ct),
                PumpAsync(server, client, down, 0, Abort, ct));
        }
        catch (Exception e) when (IsClosed(e))
        {
        }
        finally
        {
            Abort();
            Interlocked.Decrement(ref open);
            relays.TryRemove(key, out _);
        }
    }

    private static bool IsClosed(Exception e) => e is OperationCanceledException or ObjectDisposedException or SocketException;

    // from から読んだバイトを、回線の速さと遅れのとおりに to へ届ける。from が閉じたら (FIN)、遅れの後に to の送信を閉じる
    private static async Task PumpAsync(Socket from, Socket to, Line line, long notBefore, Action abort, CancellationToken ct)
    {
        var queue = Channel.CreateUnbounded<(long At, byte[]? Data)>(new() { SingleReader = true, SingleWriter = true });
        var delivering = DeliverAsync(queue.Reader, to, line, abort, ct);
        try
        {
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, ct);
                var ready = Math.Max(Stopwatch.GetTimestamp(), notBefore);
                if (read == 0)
                {
                    queue.Writer.TryWrite((line.Schedule(0, ready), null));
                    break;
                }
                for (var offset = 0; offset < read; offset += Segment)
                {
                    var length = Math.Min(Segment, read - offset);
                    queue.Writer.TryWrite((line.Schedule(length, ready), buffer.AsSpan(offset, length).ToArray()));
                }
            }
        }
        catch (Exception e) when (IsClosed(e))
        {
            abort();
        }
        finally
        {
            queue.Writer.TryComplete();
        }
        await delivering;
    }

    private static async Task DeliverAsync(ChannelReader<(long At, byte[]? Data)> queue, Socket to, Line line, Action abort, CancellationToken ct)
    {
        try
        {
            await foreach (var (at, data) in queue.ReadAllAsync(ct))
            {
                // Task.Delay は粗い時計で数ミリ秒早く起きることがある: 時刻が来るまで待ち直す
                for (var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), at); wait > TimeSpan.Zero; wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), at))
                    await Task.Delay(wait + TimeSpan.FromMilliseconds(1), ct);
                if (data is null)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }
                for (var sent = 0; sent < data.Length;)
                    sent += await to.SendAsync(data.AsMemory(sent), SocketFlags.None, ct);
                line.Delivered(data.Length, Stopwatch.GetTimestamp());
            }
        }
        catch (Exception e) when (IsClosed(e))
        {
            abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        await Task.WhenAll(relays.Values);
        stop.Dispose();
    }

    // 一方向の回線: 送り出しは一度に一区切り（速さのとおり）、届くのは送り終えてから片道の遅れの後
    private sealed class Line(long bitsPerSecond, long delay)
    {
        private readonly Lock gate = new();
        private readonly List<(long At, int Bytes)> deliveries = [];
        private long freeAt;
        private long bytes;

        public long Bytes => Interlocked.Read(ref bytes);

        public long Schedule(int length, long ready)
        {
            lock (gate)
            {
                var start = Math.Max(ready, freeAt);
                freeAt = start + (long)(length * 8.0 * Stopwatch.Frequency / bitsPerSecond);
                return freeAt + delay;
            }
        }

        public void Delivered(int length, long at)
        {
            Interlocked.Add(ref bytes, length);
            lock (gate) deliveries.Add((at, length));
        }

        public long DeliveredBefore(long at)
        {
            lock (gate) return deliveries.Where(d => d.At <= at).Sum(d => (long)d.Bytes);
        }
    }
}
