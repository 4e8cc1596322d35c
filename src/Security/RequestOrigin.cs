using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MyPage.Security;

// 要求の出どころ（接続元）。サイトの中で接続のアドレスを読むのはここだけ。
// 信頼するプロキシ（ループバックと MyPage:KnownProxies）の X-Forwarded-For は UseForwardedHeaders が反映済みで、
// ほかから来た X-Forwarded-For は反映されない。
//   Key:    数える単位。IPv4 はそのアドレス、IPv6 は /64（一つの回線や端末が自由に使える範囲）
//   Masked: 人に見せる形（ログイン履歴、「ログインのお知らせ」）。最後を伏せる: 192.0.2.x、2001:db8:0:0:…
//   LogTag: ログに書くタグ。Key の鍵付き HMAC の先頭（アドレスそのものはログに残さない。職員は staff client-tag で引ける）
internal sealed record RequestOrigin(string Key, string Masked, string LogTag, IPAddress? Address)
{
    public const string Unknown = "unknown";
}

internal sealed class RequestOrigins(IdTags tags)
{
    private const string ItemKey = "mypage-request-origin";

    public RequestOrigin Of(HttpContext http)
    {
        if (http.Items[ItemKey] is RequestOrigin known) return known;
        var origin = Of(http.Connection.RemoteIpAddress);
        http.Items[ItemKey] = origin;
        return origin;
    }

    public RequestOrigin Of(IPAddress? address)
    {
        var key = KeyOf(address);
        return new(key, MaskedOf(address), LogTagOf(key), Normalized(address));
    }

    // ログに書くタグ（同じ接続元は同じタグ）。失敗の数の表 (ClientThrottles) の行と同じ鍵で作る
    public string LogTagOf(string key) => tags.ForLog("client:" + key);

    // 数える単位の表の行のタグ
    public string CountingTagOf(string key) => tags.Of("client:" + key);

    public static string KeyOf(IPAddress? address)
    {
        if (Normalized(address) is not { } given) return RequestOrigin.Unknown;
        if (given.AddressFamily != AddressFamily.InterNetworkV6) return given.ToString();
        var bytes = given.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    // 伏せた形はバイトから作る（IPv6 の省略表記 "::" を使うと、伏せたい部分が残ったり前の部分が消えたりする）
    public static string MaskedOf(IPAddress? address)
    {
        if (Normalized(address) is not { } given) return "不明";
        var bytes = given.GetAddressBytes();
        if (given.AddressFamily == AddressFamily.InterNetwork) return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.x";
        var groups = Enumerable.Range(0, 4).Select(i => ((bytes[2 * i] << 8) | bytes[2 * i + 1]).ToString("x", CultureInfo.InvariantCulture));
        return string.Join(':', groups) + ":…";
    }

    // IPv4 を IPv6 の形で受けた接続 (::ffff:192.0.2.1) は IPv4 として扱う
    private static IPAddress? Normalized(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
