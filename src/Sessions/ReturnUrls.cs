namespace MyPage.Sessions;

// ログインのあとに戻ってよい URL: このサイトの中の、画面として開けるもの。
// ASCII の文字だけ（日本語や、見た目が / に似た文字は、パーセントで符号化されていなければ戻らない:
// そのままでは Location ヘッダーに書けず、ログインが済んだあとで 500 になる）。
// 断片だけを返すもの（/Session/Warning など htmx の部品）に戻ると、題名も見出しもない白い画面になるので戻らない。
internal static class ReturnUrls
{
    private static readonly string[] Fragments = ["/Session"];

    public static bool IsPage(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2000 || url[0] != '/') return false;
        if (url.Any(c => c is < '!' or > '~')) return false;
        if (url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal)) return false;
        // 符号化した / や \ で始まるもの (/%2F%2Fevil.example) も、ほかのサイトへの道に見えるので戻らない
        var decoded = Uri.UnescapeDataString(url.Split('?', '#')[0]);
        if (decoded.StartsWith("//", StringComparison.Ordinal) || decoded.StartsWith("/\\", StringComparison.Ordinal)) return false;
        var path = new PathString(decoded);
        return !Fragments.Any(fragment => path.StartsWithSegments(fragment, StringComparison.OrdinalIgnoreCase));
    }
}
