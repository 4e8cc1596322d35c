using Microsoft.Playwright;

namespace MyPage.Tests.Infrastructure;

// テストの道具そのものの確かめ: axe が違反を見つけること、失敗したブラウザのテストがトレースとスクリーンショットを残し、
// どの画面で何を待っていたかを伝えること
[Trait("Category", "Browser")]
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

        // サイトのページでも（axe はそのオリジンの localStorage に置いて読み込む: 一度目は置き、二度目は置いたものから）
        foreach (var broken in new[] { "<img src='a.png'>", "<img src='b.png' class='b'>" })
        {
            await page.GotoAsync("/Account/Login");
            await page.EvaluateAsync("html => document.body.insertAdjacentHTML('beforeend', html)", broken);
            var onSite = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Axe.AssertNoViolationsAsync(page));
            Assert.Contains("image-alt", onSite.Message, StringComparison.Ordinal);
        }
        browser.Forgive();
    }

    [Fact]
    public async Task Can_keep_a_trace_a_screenshot_and_the_html_of_a_failed_test_and_name_the_page_and_the_locator()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "traces");
        string[] Kept() => Directory.Exists(folder) ? Directory.GetFiles(folder, "BrowserTests-*") : [];
        var before = Kept();

        await using (var passing = new Browser())
            await (await passing.OpenAsync(site.App)).GotoAsync("/Account/Login");
        Assert.Equal(before, Kept());

        var failing = new Browser();
        var page = await failing.OpenAsync(site.App);
        await page.GotoAsync("/Account/Login");
        await Assert.ThrowsAnyAsync<PlaywrightException>(() => Assertions.Expect(page.Locator("#no-such-element")).ToBeVisibleAsync(new() { Timeout = 200 }));
        var report = await Assert.ThrowsAsync<BrowserTestFailedException>(async () => await failing.DisposeAsync());

        Assert.Contains("/Account/Login", report.Message, StringComparison.Ordinal);
        Assert.Contains("求職者マイページログイン", report.Message, StringComparison.Ordinal);
        Assert.Contains("#no-such-element", report.Message, StringComparison.Ordinal);
        var kept = Kept().Except(before).ToList();
        var trace = Assert.Single(kept, f => f.EndsWith(".zip", StringComparison.Ordinal));
        Assert.True(new FileInfo(trace).Length > 1000, "トレースが空です");
        var shot = Assert.Single(kept, f => f.EndsWith(".png", StringComparison.Ordinal));
        Assert.True(new FileInfo(shot).Length > 1000, "スクリーンショットが空です");
        var html = Assert.Single(kept, f => f.EndsWith(".html", StringComparison.Ordinal));
        Assert.Contains("求職者マイページログイン", File.ReadAllText(html), StringComparison.Ordinal);
        Assert.Single(kept, f => f.EndsWith(".log", StringComparison.Ordinal));
        Assert.All(kept, f => Assert.Contains(f, report.Message, StringComparison.Ordinal));
    }
}
