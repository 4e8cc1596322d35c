using Microsoft.Playwright;

namespace MyPage.Tests.Infrastructure;

// テストの道具そのものの確かめ: axe が違反を見つけること、失敗したテストのトレースが残ること
public class BrowserTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Can_find_an_axe_violation_on_a_broken_page()
    {
        await using var browser = new Browser();
        var page = await browser.OpenAsync(site.App);
        await page.SetContentAsync("<html><body><img src='x.png'><input type='text'></body></html>");
        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Axe.AssertNoViolationsAsync(page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Can_keep_a_trace_of_a_failed_test_and_none_of_a_passing_one()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "traces");
        string[] Traces() => Directory.Exists(folder) ? Directory.GetFiles(folder, "BrowserTests-*.zip") : [];
        var before = Traces();

        await using (var passing = new Browser())
            await (await passing.OpenAsync(site.App)).GotoAsync("/");
        Assert.Equal(before, Traces());

        await using (var failing = new Browser())
        {
            var page = await failing.OpenAsync(site.App);
            await page.GotoAsync("/");
            await Assert.ThrowsAnyAsync<PlaywrightException>(() => Assertions.Expect(page.Locator("#no-such-element")).ToBeVisibleAsync(new() { Timeout = 200 }));
        }
        var trace = Assert.Single(Traces().Except(before));
        Assert.True(new FileInfo(trace).Length > 1000, "トレースが空です");
    }
}
