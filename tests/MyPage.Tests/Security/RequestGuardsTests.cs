using System.Net;
using System.Text;
using MyPage.Pages.Shared;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Security;

// 壊れた要求、大きすぎる要求、HTTPS でない要求には、500 ではなく決まった番号と日本語の画面で答える（本物の HTTP で）
public class RequestGuardsTests(SeekerSiteFixture site) : IClassFixture<SeekerSiteFixture>
{
    private MyPageApp App => site.App;

    // ブラウザと同じく、CSRF トークンはフォームの本文に入れて送る
    private async Task<HttpResponseMessage> PostLoginAsync(Func<string, HttpContent> content, bool expectContinue = false)
    {
        using var client = App.CreateHttpClient();
        var token = Forms.Token(await client.GetStringAsync("/Account/Login"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = content(token) };
        request.Headers.ExpectContinue = expectContinue;
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Cannot_send_a_35_megabyte_body_and_gets_413()
    {
        // Expect: 100-continue: サーバーが本文を断れば、35 MB を送らずに答えを受け取れる
        var response = await PostLoginAsync(token =>
        {
            var body = new ByteArrayContent(new byte[35 * 1024 * 1024]);
            body.Headers.ContentType = new("application/x-www-form-urlencoded");
            return body;
        }, expectContinue: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(Site.UnreadableTitle, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cannot_send_more_than_1024_form_fields_and_gets_400()
    {
        var fields = string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=x"));
        var response = await PostLoginAsync(token => new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{fields}", Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Site.UnreadableTitle, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cannot_send_malformed_multipart_and_gets_400()
    {
        var response = await PostLoginAsync(token =>
        {
            var content = new StringContent($"--boundary\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--boundary\r\nContent-Disposition: form-data; name=\"Input.Id\"\r\n\r\nno end here", Encoding.ASCII);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=boundary");
            return content;
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Site.UnreadableTitle, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Is_sent_to_https_for_a_plain_http_get_but_a_plain_http_form_post_gets_400_even_with_an_https_endpoint()
    {
        await using var both = new MyPageApp(environment: "Production", plainHttpToo: true);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = both.PlainHttpUrl };
        var get = await client.GetAsync("/Account/Login");
        Assert.True(get.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"{(int)get.StatusCode}");
        Assert.Equal("https", get.Headers.Location?.Scheme);

        // 平文で送られたフォームの中身は、HTTPS へ送り直させない
        var post = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Id"] = "seeker@example.jp", ["Input.Password"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains(Site.HttpsRequiredTitle, await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cannot_use_plain_http_in_production_and_gets_a_page_saying_https_is_required()
    {
        await using var plain = new MyPageApp(environment: "Production", https: false);
        using var client = plain.CreateHttpClient();
        foreach (var path in new[] { "/", "/Account/Login", "/Register" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(Site.HttpsRequiredTitle, html, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
        }
        Assert.Contains(plain.Logs.Lines, l => l.StartsWith("HTTPS の待ち受けも MyPage:KnownProxies もありません", StringComparison.Ordinal));

        // TLS を終えるループバックのプロキシ (X-Forwarded-Proto: https) の後ろなら、そのまま使える
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(proxied)).StatusCode);
    }
}
