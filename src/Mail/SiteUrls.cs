namespace MyPage.Mail;

// メールに書く URL。本番では MyPage:PublicUrl を設定する（Host ヘッダーを信じてメールの URL を作らないため）。
public sealed class SiteUrls(IConfiguration config)
{
    public string Absolute(HttpRequest request, string pathAndQuery)
    {
        var configured = config["MyPage:PublicUrl"];
        var root = string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured.TrimEnd('/');
        return root + pathAndQuery;
    }
}
