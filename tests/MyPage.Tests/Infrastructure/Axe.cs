using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace MyPage.Tests.Infrastructure;

// axe-core（Deque.AxeCore の同梱版）をそのページの中で動かす。WCAG 2.x の A / AA のルールだけ、違反だけを集める。
// 同梱のラッパー (RunAxe) は結果の仕上げに別のページを開くので、ここでは axe.run を直接呼ぶ（一回あたり数分の一の時間）。
public static class Axe
{
    private static readonly string Script = new BundledAxeScriptProvider().GetScript();

    private const string Run = """
        () => axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          resultTypes: ['violations']
        }).then(r => r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.html) })))
        """;

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // ページを移るたびに axe は消えるので、なければ入れる（CDP 経由なので CSP には掛からない）
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'")) await page.EvaluateAsync(Script);
        var violations = await page.EvaluateAsync<JsonElement>(Run);
        var problems = violations.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} — {string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}").ToList();
        Assert.True(problems.Count == 0, $"{page.Url}\n" + string.Join("\n", problems));
    }

    // JavaScript を切ったページでは axe が動かない（タイマーが進まず、終わらない）。
    // そのページの今の HTML を、JavaScript の動く別のページに写して確かめる（入口の画面はスタイルを HTML に持つ）
    public static async Task AssertNoViolationsWithoutScriptAsync(IPage page)
    {
        var html = await page.ContentAsync();
        var size = page.ViewportSize!;
        var copy = await page.Context.Browser!.NewPageAsync(new() { JavaScriptEnabled = true, ViewportSize = new() { Width = size.Width, Height = size.Height } });
        try
        {
            await copy.SetContentAsync(html);
            await AssertNoViolationsAsync(copy);
        }
        finally
        {
            await copy.Context.CloseAsync();
        }
    }
}
