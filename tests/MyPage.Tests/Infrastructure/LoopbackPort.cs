using System.Net;
using System.Net.Sockets;

namespace MyPage.Tests.Infrastructure;

public static class LoopbackPort
{
    // 20000–31999: OS が出ていく接続の送り元に使う範囲 (ip_local_port_range、Linux の既定 32768–60999) の外。
    // ポート 0 で OS に選ばせるとその範囲から来るので、閉じてから Kestrel が開くまでの間に、ほかの接続
    // （PostgreSQL、ブラウザ、SMTP）の送り元ポートに取られることがあった (AddressInUse)。
    private const int First = 20000;
    private const int Count = 12000;

    // このプロセスでは同じポートを二度渡さない。始まりを乱数にして、同時に動くほかのテストのプロセスとも重なりにくくする
    private static int next = Random.Shared.Next(Count);

    // 空いているループバックのポート（すぐ使う前提で、いったん開けて閉じる）
    public static int Free()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref next) % Count);
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // 使われている: 次へ
            }
            finally
            {
                listener.Stop();
            }
        }
        throw new InvalidOperationException($"ループバックに空いたポートがありません ({First}–{First + Count - 1})");
    }
}
