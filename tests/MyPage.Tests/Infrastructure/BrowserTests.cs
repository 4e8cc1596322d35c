using Microsoft.Playwright;

namespace MyPage.Tests.Infrastructure;

// テストの道具そのものの確かめ: axe が違反を見つけること、書き取り (ScreenReaderTranscript) が二度読まれる知らせを聞き分けること、
// 失敗したブラウザのテストがトレースとスクリーンショットを残し、どの画面で何を待っていたかを伝えること
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
    // 書き取り (ScreenReaderTranscript) が、二度読まれる知らせを二度聞き、フォーカスの説明をそのときのまま聞くこと
    [Fact]
    public async Task Can_hear_a_message_read_twice_and_a_description_as_it_was_on_focus()
    {
        await using var browser = new Browser();
        var page = await browser.OpenAsync(site.App);
        await page.SetContentAsync("<html lang='ja'><body><main><div id='s' role='status' tabindex='-1'></div><p id='d'>説明です。</p><button aria-describedby='d'>押す</button></main></body></html>");
        await using var transcript = await ScreenReaderTranscript.StartAsync(page);

        // ライブリージョンに書き、そこへフォーカスも移す: フォーカスとリージョンの二度
        await page.EvaluateAsync("() => { const s = document.getElementById('s'); s.textContent = '保存しました。'; s.focus(); }");
        Assert.Equal(["focus status: 保存しました。", "polite: 保存しました。"], await transcript.HearAsync());

        // フォーカスのあとで説明の文を消しても、フォーカスのときには読まれている
        await page.EvaluateAsync("() => { document.querySelector('button').focus(); document.getElementById('d').remove(); }");
        Assert.Equal(["focus button: 押す | 説明です。"], await transcript.HearAsync());

        // 画面が移れば、移った先のフォーカスと、中身の入ったリージョン（S1 のログアウトの知らせはフォーカスだけ）
        await page.GotoAsync("/Account/Login?status=signed-out");
        Assert.Equal(["focus group: ログアウトしました。"], await transcript.HearAsync());
    }
}
