namespace MyPage.Sessions;

// ログインのあとに戻ってよい URL: このサイトの中の、画面として開けるもの。
// 断片だけを返すもの（/Session/Warning など htmx の部品）に戻ると、題名も見出しもない白い画面になるので戻らない。
public static class ReturnUrls
{
    private static readonly string[] Fragments = ["/Session"];

    public static bool IsPage(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal)) return false;
        var path = new PathString(url.Split('?', '#')[0]);
        return !Fragments.Any(fragment => path.StartsWithSegments(fragment, StringComparison.OrdinalIgnoreCase));
    }
}
