using Microsoft.Playwright;
using MyPage.Data;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Home;

// 文字を200%にした 360px の電話でも横にはみ出さず、番号やボタンの語は途中で折れない。見出しは段を飛ばさない。
[Trait("Category", "Browser")]
public class ReadabilityTests(DemoSite site) : IAsyncLifetime, IClassFixture<DemoSite>
{
    private readonly Browser browser = new();
    private readonly MyPageApp app = site.App;

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await browser.DisposeAsync();

    private async Task<IPage> DemoAsync(int width)
    {
        var page = await browser.OpenSignedInAsync(app, DatabaseStartup.DemoEmail, width: width);
        await page.GotoAsync("/Home");
        await new LoginPage(page).ExpectHomeAsync();
        return page;
    }

    // 文字の大きさを 200% に（rem で組んだ画面は、ブラウザの文字の拡大と同じに大きくなる）
    private static async Task ZoomTextAsync(IPage page) => await page.EvaluateAsync("document.documentElement.style.fontSize = '200%'");

    [Fact]
    public async Task Can_read_home_and_job_cards_at_200_percent_text_on_a_360_pixel_phone()
    {
        var page = await DemoAsync(360);
        foreach (var path in new[] { "/Home", "/Home/Requests", "/SavedSearches/Run/1" })
        {
            await page.GotoAsync(path);
            await ZoomTextAsync(page);
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 360, $"{path} は 200% で横にはみ出します ({scrollWidth}px)");
        }
        await page.GotoAsync("/Home");
        await ZoomTextAsync(page);
        await Browser.ScreenshotAsync(page, "home-200-percent-360");
        // 語の途中で折れない（一行のまま）
        foreach (var selector in new[] { "#seeker-number", "#requests .job-number", "#saved-searches a.button" })
        {
            var lines = await page.Locator(selector).First.EvaluateAsync<int>("e => { const r = document.createRange(); r.selectNodeContents(e); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }");
            Assert.True(lines == 1, $"{selector} が {lines} 行に折れています");
        }
    }

    [Theory]
    [InlineData("/Home")]
    [InlineData("/Home/Requests")]
    [InlineData("/Home/Applications")]
    [InlineData("/Messages")]
    [InlineData("/SavedSearches/Run/1")]
    [InlineData("/Settings")]
    public async Task Can_follow_headings_without_a_skipped_level(string path)
    {
        var page = await DemoAsync(1280);
        await page.GotoAsync(path);
        var levels = await page.EvaluateAsync<int[]>("[...document.querySelectorAll('main h1, main h2, main h3, main h4')].map(h => +h.tagName[1])");
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Length; i++)
            Assert.True(levels[i] <= levels[i - 1] + 1, $"{path}: h{levels[i - 1]} の次に h{levels[i]}");
    }

    [Fact]
    public async Task Can_follow_headings_on_the_job_detail_and_find_a_heading_on_every_side_panel()
    {
        var page = await DemoAsync(1280);
        await page.Locator("#requests .job-card").GetByRole(AriaRole.Link, new() { Name = "詳細を表示" }).ClickAsync();
        var levels = await page.EvaluateAsync<int[]>("[...document.querySelectorAll('main h1, main h2, main h3')].map(h => +h.tagName[1])");
        Assert.Equal([1, 2], levels);

        await page.GotoAsync("/Home");
        var panels = page.Locator("aside .panel");
        for (var i = 0; i < await panels.CountAsync(); i++)
            await Expect(panels.Nth(i).Locator("h2")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Can_tell_the_current_page_from_its_section_in_the_navigation()
    {
        var page = await DemoAsync(1280);
        var home = page.GetByRole(AriaRole.Navigation, new() { Name = "求職者マイページ" }).GetByRole(AriaRole.Link, new() { Name = "ホーム", Exact = true });
        await Expect(home).ToHaveAttributeAsync("aria-current", "page");
        await page.GotoAsync("/Home/Requests");
        await Expect(home).ToHaveAttributeAsync("aria-current", "true");
    }
}
