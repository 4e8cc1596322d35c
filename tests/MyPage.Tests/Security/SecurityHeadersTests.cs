using System.Net;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Security;

// 読むだけのテスト: クラスで一つのサイトを使う
public class SecurityHeadersTests(SeekerSiteFixture site) : IClassFixture<SeekerSiteFixture>
{
    private const string Email = SeekerSiteFixture.Email;
    private const string Password = SeekerSiteFixture.Password;
    private MyPageApp App => site.App;

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/no-such-page")]
    public async Task Can_send_strict_headers_on_every_page(string path)
    {
        using var client = App.CreateHttpClient();
        var response = await client.GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Cannot_cache_credential_or_signed_in_pages()
    {
        using var client = App.CreateHttpClient();
        Assert.True((await client.GetAsync("/Account/Login")).Headers.CacheControl?.NoStore);
        await Forms.LoginAsync(client, Email, Password);
        Assert.True((await client.GetAsync("/Home")).Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Can_send_hsts_to_a_real_host_over_https()
    {
        // 公開の名前が本物のホスト名のサイト（localhost と 127.0.0.1 には HSTS を付けない）
        await using var site = new MyPageApp(settings: new Dictionary<string, string?> { ["MyPage:PublicUrl"] = "https://mypage.example.jp/" });
        using var client = site.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "mypage.example.jp";
        var response = await client.SendAsync(request);
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Can_set_host_prefixed_secure_httponly_cookies()
    {
        using var client = App.CreateHttpClient();
        var page = await client.GetAsync("/Account/Login");
        var csrf = page.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("__Host-mypage-csrf=", csrf);
        Assert.Contains("secure", csrf);
        Assert.Contains("httponly", csrf);
        Assert.Contains("samesite=strict", csrf);
        Assert.Contains("path=/", csrf);
        Assert.DoesNotContain("domain=", csrf);

        var login = await Forms.LoginAsync(client, Email, Password);
        var session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-mypage-session=", StringComparison.Ordinal));
        Assert.Contains("secure", session);
        Assert.Contains("httponly", session);
        Assert.Contains("samesite=lax", session);
        Assert.DoesNotContain("domain=", session);
        // Cookie には鍵だけ。中身はサーバーにある
        Assert.True(session.Split(';')[0].Length < 400, session);
    }

    [Fact]
    public async Task Cannot_post_a_form_without_its_csrf_token()
    {
        using var client = App.CreateHttpClient();
        await client.GetAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Id"] = Email,
            ["Input.Password"] = Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("画面の有効期限が切れました", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("__Host-mypage-session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Can_show_a_japanese_page_for_a_missing_page_and_an_error()
    {
        using var client = App.CreateHttpClient();
        var missing = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("<h1>ページが見つかりません</h1>", await missing.Content.ReadAsStringAsync());

        var error = await client.GetAsync("/Error");
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("<h1>エラーが発生しました</h1>", await error.Content.ReadAsStringAsync());
    }
}
