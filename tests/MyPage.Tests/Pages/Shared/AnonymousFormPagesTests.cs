using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Pages.Shared;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages.Shared;

// 何も付かない S1 は一度だけ Razor で描き、次からは覚えた HTML の CSRF のトークンだけを差し替えて配る。
// どのブラウザも自分のトークン（と対の Cookie）を受け取り、それでログインできる。知らせや戻り先の付いた S1 は毎回描く
public partial class AnonymousFormPagesTests(SeekerSiteFixture site) : IClassFixture<SeekerSiteFixture>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex TokenInput();

    private int Drawn => site.App.Services.GetRequiredService<AnonymousFormPages>().Drawn;

    [Fact]
    public async Task Draws_the_plain_login_page_once_and_gives_every_browser_its_own_token()
    {
        var pages = new List<(string Html, HttpResponseMessage Response, HttpClient Client)>();
        var drawnBefore = Drawn;
        for (var i = 0; i < 3; i++)
        {
            var client = site.App.CreateHttpClient();
            var response = await client.GetAsync("/Account/Login");
            pages.Add((await response.Content.ReadAsStringAsync(), response, client));
        }

        Assert.True(Drawn >= 1 && Drawn - drawnBefore <= 1, $"何も付かない S1 を覚えるために {Drawn - drawnBefore} 回描きました（これまでに {Drawn} 回）");
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Response.StatusCode));
        // トークンのほかは同じ HTML。トークンはブラウザごとに違い、対の Cookie も付く
        Assert.Single(pages.Select(p => TokenInput().Replace(p.Html, "")).Distinct());
        Assert.Equal(3, pages.Select(p => Forms.Token(p.Html)).Distinct().Count());
        Assert.All(pages, p => Assert.Contains(p.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-mypage-csrf=", StringComparison.Ordinal)));
        Assert.All(pages, p => Assert.Contains("no-store", p.Response.Headers.CacheControl!.ToString(), StringComparison.Ordinal));

        // 覚えた HTML から受け取ったトークンで、本当にログインできる
        var (html, _, browser) = pages[2];
        using var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Forms.Token(html),
                ["Input.Id"] = SeekerSiteFixture.Email,
                ["Input.Password"] = SeekerSiteFixture.Password,
            }),
        };
        var signedIn = await browser.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/Home", signedIn.Headers.Location?.OriginalString);
        foreach (var page in pages) page.Client.Dispose();
    }

    [Theory]
    [InlineData("/Account/Login?status=signed-out", "ログアウトしました")]
    [InlineData("/Account/Login?ReturnUrl=%2FMessages", "value=\"/Messages\"")]
    public async Task Draws_the_login_page_afresh_when_it_carries_a_message_or_a_return_address(string path, string expected)
    {
        using var client = site.App.CreateHttpClient();
        await client.GetAsync("/Account/Login");
        var drawnBefore = Drawn;

        var html = await client.GetStringAsync(path);

        // 覚えた HTML は使わず、覚えもしない（知らせや戻り先はその要求のもの）
        Assert.Equal(drawnBefore, Drawn);
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }
}
