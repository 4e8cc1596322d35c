using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages;

// 誰にでも同じ画面 (S0) は一度描いたものを配る。ログインした人には、その人の画面を毎回描く。
// 配り直した応答にも、同じセキュリティヘッダーが一つずつ付く
public class AnonymousPageCacheTests(SeekerSiteFixture site) : IClassFixture<SeekerSiteFixture>
{
    [Fact]
    public async Task Serves_the_top_page_from_the_cache_to_anyone_not_signed_in()
    {
        using var first = site.App.CreateHttpClient();
        using var second = site.App.CreateHttpClient();
        var drawn = await first.GetAsync("/");
        var cached = await second.GetAsync("/?utm_source=mail");

        Assert.Equal(await drawn.Content.ReadAsStringAsync(), await cached.Content.ReadAsStringAsync());
        // Age: 出力キャッシュから配った応答（描き直していない）。でたらめなクエリでも同じ一つを配る
        Assert.True(cached.Headers.Age is not null, "二度目の S0 が描き直されました");
        Assert.False(cached.Headers.Contains("Set-Cookie"));
        foreach (var name in new[] { "Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Cache-Control" })
            Assert.Single(cached.Headers.TryGetValues(name, out var values) ? values : cached.Content.Headers.GetValues(name));
    }

    [Fact]
    public async Task Draws_the_top_page_afresh_for_a_signed_in_seeker()
    {
        using var anonymous = site.App.CreateHttpClient();
        await anonymous.GetAsync("/");
        await anonymous.GetAsync("/");
        using var seeker = site.App.CreateHttpClient();
        await Forms.LoginAsync(seeker, SeekerSiteFixture.Email, SeekerSiteFixture.Password);

        var page = await seeker.GetAsync("/");

        Assert.Null(page.Headers.Age);
        Assert.Contains("ログアウト", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
