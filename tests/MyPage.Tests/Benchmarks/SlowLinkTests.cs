using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FirstPaintBenchmark;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Benchmarks;

// 最初の描画のベンチマークが使う、遅い回線の中継 (tests/FirstPaintBenchmark/SlowLink.cs)。
// 測る道具が正しいこと: バイトを失わず、遅れと速さのとおりに届け、両側を閉じ、いくつもの接続を同時に運ぶ
public sealed class SlowLinkTests : IAsyncDisposable
{
    private readonly TcpListener site = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();

    public SlowLinkTests() => site.Start();

    private IPEndPoint Site => (IPEndPoint)site.LocalEndpoint;

    [Fact]
    public async Task Can_relay_every_byte_of_several_connections_at_once()
    {
        var echo = EchoAsync(connections: 4);
        await using var link = new SlowLink(Site, TimeSpan.FromMilliseconds(20), 200_000_000);

        var payloads = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator(200_000)).ToArray();
        var echoed = await Task.WhenAll(payloads.Select(async payload =>
        {
            using var client = await ConnectAsync(link);
            var sending = SendAndCloseAsync(client, payload);
            var received = await ReadToEndAsync(client);
            await sending;
            return received;
        }));
        await echo;

        for (var i = 0; i < payloads.Length; i++) Assert.Equal(payloads[i], echoed[i]);
        Assert.Equal(4, link.Connections);
        Assert.Equal(800_000, link.BytesUp);
        Assert.Equal(800_000, link.BytesDown);
        await Eventually.TrueAsync(() => link.Open == 0, "中継の接続がすべて閉じる");
    }

    // 接続に一往復（SYN と SYN-ACK）、そのあとの要求と応答に一往復
    [Fact]
    public async Task Can_delay_by_the_round_trips_a_connection_takes()
    {
        var echo = EchoAsync(connections: 1);
        var roundTrip = TimeSpan.FromMilliseconds(200);
        await using var link = new SlowLink(Site, roundTrip, 100_000_000);

        using var client = await ConnectAsync(link);
        var first = await TimeExchangeAsync(client);
        var second = await TimeExchangeAsync(client);
        client.Shutdown(SocketShutdown.Send);
        Assert.Empty(await ReadToEndAsync(client));
        await echo;

        // 上の端は広く（2コアの機械は混んでいることがある）: 二つ目に接続の往復がもう一度かからないことだけを見る
        Assert.True(first >= 2 * roundTrip, $"初めのやりとり {first}");
        Assert.InRange(second, roundTrip, 2 * roundTrip);
    }

    [Fact]
    public async Task Can_send_no_faster_than_the_line()
    {
        var echo = EchoAsync(connections: 1);
        await using var link = new SlowLink(Site, TimeSpan.Zero, 1_000_000);

        using var client = await ConnectAsync(link);
        var watch = Stopwatch.StartNew();
        var sending = SendAndCloseAsync(client, RandomNumberGenerator(25_000));
        Assert.Equal(25_000, (await ReadToEndAsync(client)).Length);
        await sending;
        await echo;

        // 25,000 バイト × 8 ÷ 1 Mbit/s = 0.2 秒（上りの分だけ。下りは重なって流れる）
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Can_close_the_browser_side_when_the_site_closes()
    {
        var closing = Task.Run(async () =>
        {
            using var accepted = await site.AcceptSocketAsync(stop.Token);
            await accepted.SendAsync("bye"u8.ToArray(), SocketFlags.None);
        });
        await using var link = new SlowLink(Site, TimeSpan.FromMilliseconds(20), 100_000_000);

        using var client = await ConnectAsync(link);
        Assert.Equal("bye"u8.ToArray(), await ReadToEndAsync(client));
        await closing;
        client.Dispose();
        await Eventually.TrueAsync(() => link.Open == 0, "中継の接続が閉じる");
    }

    private static byte[] RandomNumberGenerator(int length) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);

    private static async Task<Socket> ConnectAsync(SlowLink link)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, link.Port);
        return socket;
    }

    private static async Task SendAndCloseAsync(Socket socket, byte[] data)
    {
        for (var sent = 0; sent < data.Length;) sent += await socket.SendAsync(data.AsMemory(sent), SocketFlags.None);
        socket.Shutdown(SocketShutdown.Send);
    }

    private static async Task<byte[]> ReadToEndAsync(Socket socket)
    {
        using var all = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0) all.Write(buffer, 0, read);
        return all.ToArray();
    }

    private static async Task<TimeSpan> TimeExchangeAsync(Socket socket)
    {
        var watch = Stopwatch.StartNew();
        await socket.SendAsync(new byte[] { 42 }, SocketFlags.None);
        var buffer = new byte[1];
        Assert.Equal(1, await socket.ReceiveAsync(buffer, SocketFlags.None));
        return watch.Elapsed;
    }

    // サイトの代わり: 読んだものをそのまま返し、相手が閉じたら閉じる
    private Task EchoAsync(int connections) => Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
    {
        using var socket = await site.AcceptSocketAsync(stop.Token);
        socket.NoDelay = true; // Kestrel と同じ（Nagle があると、小さな書き込みごとに遅延 ACK を待つ）
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            for (var sent = 0; sent < read;) sent += await socket.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None);
        socket.Shutdown(SocketShutdown.Send);
    }));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        site.Stop();
        stop.Dispose();
    }
}
