using System.Net;
using System.Net.Sockets;

namespace MyPage.Tests.Infrastructure;

public static class LoopbackPort
{
    // 空いているループバックのポート（すぐ使う前提で、いったん開けて閉じる）
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
