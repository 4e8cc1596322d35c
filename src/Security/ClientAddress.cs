using System.Net;
using System.Net.Sockets;

namespace MyPage.Security;

// 接続元のアドレス（信頼するプロキシの X-Forwarded-For は UseForwardedHeaders が反映済み）を、数えるための単位にする。
// IPv4 はそのアドレス、IPv6 は /64（一つの回線や端末が自由に使える範囲なので、アドレスを替えても同じ単位になる）。
// 人に見せるときは最後を伏せる (Masked)。
public static class ClientAddress
{
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(string? address) => Of(IPAddress.TryParse(address, out var parsed) ? parsed : null);

    public static string Of(IPAddress? address)
    {
        if (Normalized(address) is not { } given) return "unknown";
        address = given;
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    // 画面やメールに見せる形: 最後の部分を伏せる（192.0.2.x、2001:db8:1:2:…）。ログイン履歴と「ログインのお知らせ」
    public static string Masked(HttpContext http) => Masked(http.Connection.RemoteIpAddress);

    public static string Masked(IPAddress? address)
    {
        if (Normalized(address) is not { } given) return "不明";
        if (given.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = given.GetAddressBytes();
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.x";
        }
        var groups = given.ToString().Split(':');
        return string.Join(':', groups.Take(4)) + ":…";
    }

    // IPv4 を IPv6 の形で受けた接続 (::ffff:192.0.2.1) は IPv4 として扱う
    private static IPAddress? Normalized(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
