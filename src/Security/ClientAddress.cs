using System.Net;
using System.Net.Sockets;

namespace MyPage.Security;

// 接続元のアドレス（信頼するプロキシの X-Forwarded-For は UseForwardedHeaders が反映済み）を、数えるための単位にする。
// IPv4 はそのアドレス、IPv6 は /64（一つの回線や端末が自由に使える範囲なので、アドレスを替えても同じ単位になる）。
public static class ClientAddress
{
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(string? address) => Of(IPAddress.TryParse(address, out var parsed) ? parsed : null);

    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
