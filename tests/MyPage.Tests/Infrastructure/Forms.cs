using System.Text.RegularExpressions;

namespace MyPage.Tests.Infrastructure;

// HttpClient でフォームを送るための小さな道具
public static partial class Forms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string Token(string html)
        => TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("CSRF トークンがありません");

    // host: 送る Host ヘッダー（偽の Host の試験のため）。フォームの画面は本物の Host で取る
    // formPage: CSRF トークンを取る画面（送り先と違うとき。ログアウトのボタンはどの画面にもある）
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, bool htmx = false, string? host = null,
        string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? path.Split('?')[0]);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token(page) };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(values) };
        if (htmx) request.Headers.Add("HX-Request", "true");
        if (host is not null) request.Headers.Host = host;
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string id, string password, string path = "/Account/Login", bool htmx = false)
        => PostAsync(client, path, new() { ["Input.Id"] = id, ["Input.Password"] = password }, htmx);

    public static Task<HttpResponseMessage> LogoutAsync(HttpClient client) => PostAsync(client, "/Account/Logout", [], formPage: "/Home");
}
