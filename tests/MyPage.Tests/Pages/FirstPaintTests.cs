using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages;

// 遅い回線で最初に描けるまでの往復を一回に: 入口の画面（利用者が最初に開く画面）は、HTML だけで描ける。
// 描くのを待たせる要求（<head> の外部スタイルシート、defer のないスクリプト）がなく、直書きのスタイルは CSP のハッシュで許す。
public partial class FirstPaintTests(SeekerSiteFixture site) : IClassFixture<SeekerSiteFixture>
{
    [GeneratedRegex("<head>(.*?)</head>", RegexOptions.Singleline)]
    private static partial Regex Head();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/ResetPassword")]
    [InlineData("/Register")]
    [InlineData("/Register/Complete?token=nothing")]
    [InlineData("/Mynaportal/Unlinked")]
    public async Task Can_draw_an_entry_page_from_its_html_alone(string path)
    {
        using var client = site.App.CreateHttpClient();
        await AssertDrawnFromHtmlAloneAsync(await client.GetAsync(path));
    }

    // ホームも入口: マイナポータルから来る求職者は、ログインの画面を通らずに（スタイルシートの先読みなしで）ここに着く
    [Fact]
    public async Task Can_draw_home_from_its_html_alone()
    {
        using var client = site.App.CreateHttpClient();
        await Forms.LoginAsync(client, SeekerSiteFixture.Email, SeekerSiteFixture.Password);
        var response = await client.GetAsync("/Home");
        Assert.EndsWith("/Home", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        await AssertDrawnFromHtmlAloneAsync(response);
    }

    private static async Task AssertDrawnFromHtmlAloneAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var head = Head().Match(html).Groups[1].Value;

        Assert.DoesNotContain("rel=\"stylesheet\"", head, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\bdefer\\b)[^>]*\\bsrc=", head);
        var style = Style().Match(head).Groups[1].Value;
        Assert.True(style.Length > 1000, "スタイルが HTML に書かれていません");
        var hash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'";
        Assert.Contains(hash, response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        // ログイン後の画面のために、同じスタイルシートを描いたあとで先読みする
        Assert.Matches("<link rel=\"prefetch\" href=\"/css/site\\.[a-z0-9]+\\.css\" as=\"style\">\\s*</body>", html);
    }

    [Fact]
    public async Task Can_keep_the_cached_stylesheet_on_signed_in_pages()
    {
        using var client = site.App.CreateHttpClient();
        await Forms.LoginAsync(client, SeekerSiteFixture.Email, SeekerSiteFixture.Password);
        var html = await client.GetStringAsync("/Messages");
        Assert.Matches("<link rel=\"stylesheet\" href=\"/css/site\\.[a-z0-9]+\\.css\">", Head().Match(html).Groups[1].Value);
        Assert.DoesNotContain("<style>", html, StringComparison.Ordinal);
    }
}
