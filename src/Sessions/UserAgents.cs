namespace MyPage.Sessions;

// User-Agent からブラウザの種類と OS を大まかに（ログイン履歴とお知らせのメールに出す）。細かい版は見ない。
internal static class UserAgents
{
    public static string Describe(string? userAgent)
    {
        var ua = userAgent ?? "";
        var browser =
            ua.Contains("Edg/", StringComparison.Ordinal) ? "Edge" :
            ua.Contains("SamsungBrowser/", StringComparison.Ordinal) ? "Samsung Internet" :
            ua.Contains("OPR/", StringComparison.Ordinal) ? "Opera" :
            ua.Contains("Firefox/", StringComparison.Ordinal) || ua.Contains("FxiOS/", StringComparison.Ordinal) ? "Firefox" :
            ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("CriOS/", StringComparison.Ordinal) ? "Chrome" :
            ua.Contains("Safari/", StringComparison.Ordinal) ? "Safari" :
            "不明なブラウザ";
        var os =
            ua.Contains("iPhone", StringComparison.Ordinal) || ua.Contains("iPad", StringComparison.Ordinal) ? "iOS" :
            ua.Contains("Android", StringComparison.Ordinal) ? "Android" :
            ua.Contains("Windows", StringComparison.Ordinal) ? "Windows" :
            ua.Contains("CrOS", StringComparison.Ordinal) ? "ChromeOS" :
            ua.Contains("Mac OS X", StringComparison.Ordinal) || ua.Contains("Macintosh", StringComparison.Ordinal) ? "macOS" :
            ua.Contains("Linux", StringComparison.Ordinal) ? "Linux" :
            "不明な OS";
        return $"{browser}（{os}）";
    }
}
