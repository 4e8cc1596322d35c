using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace MyPage.Tests.Infrastructure;

// axe-core（Deque.AxeCore の同梱版）をそのページの中で動かす。WCAG 2.x の A / AA のルールだけ、違反だけを集める。
// 同梱のラッパー (RunAxe) は結果の仕上げに別のページを開くので、ここでは axe.run を直接呼ぶ（一回あたり数分の一の時間）。
// 一つの画面の状態には一度だけ: 同じ状態（HTML が、CSRF トークン、問題、ID、数字を除いて同じ）と同じ幅を、二つのテストが
// 確かめることはしない。同じ状態を別の幅で確かめるときは、色のコントラストのルールを除く（色は幅で変わらない:
// site.css の @media は並びだけを変える）。
public static partial class Axe
{
    private static readonly string Script = new BundledAxeScriptProvider().GetScript();
    private static readonly ConcurrentDictionary<string, bool> Checked = new();

    private const string Run = """
        skipColours => axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          rules: skipColours ? { 'color-contrast': { enabled: false }, 'link-in-text-block': { enabled: false } } : {},
          resultTypes: ['violations'],
          // 報告に使うのは要素の HTML だけ: セレクターや XPath を組み立てない（一回の確かめがおよそ半分の時間になる）
          iframes: false, selectors: false, ancestry: false, xpath: false, elementRef: false
        }).then(r => r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.html) })))
        """;

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var state = StateOf(await page.ContentAsync());
        var width = page.ViewportSize?.Width ?? 0;
        // 同じ状態・同じ幅はもう確かめた
        if (!Checked.TryAdd($"{state}@{width}", true)) return;
        // 同じ状態を別の幅で確かめた: 色のルールは済んでいる
        var skipColours = !Checked.TryAdd(state, true);
        await LoadAsync(page);
        var violations = await page.EvaluateAsync<JsonElement>(Run, skipColours);
        var problems = violations.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} — {string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}").ToList();
        Assert.True(problems.Count == 0, $"{page.Url}\n" + string.Join("\n", problems));
    }

    // ページを移るたびに axe は消えるので、なければ入れる。axe は 650 KB あり、そのまま送ると .NET → Playwright (node) → Chromium の
    // 受け渡しだけで一回 0.1〜0.2 秒かかる（スイートの中で数百回）。そこで、そのオリジンの localStorage に一度だけ置き、
    // DevTools の Runtime.evaluate でそこから読み込む（DevTools からの評価には、ページの CSP の unsafe-eval の禁止が掛からない）。
    // サイトは localStorage を使わない。about:blank に写したページ (AssertNoViolationsWithoutScriptAsync) のように
    // localStorage のないページには、そのまま送る
    private static readonly ConditionalWeakTable<IPage, ICDPSession> Sessions = new();
    private const string StorageKey = "mypage-tests-axe";

    private static async Task LoadAsync(IPage page)
    {
        if (await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'")) return;
        var storage = await page.EvaluateAsync<string>($$"""
            () => { try { return localStorage.getItem('{{StorageKey}}') === null ? 'missing' : 'stored'; } catch { return 'none'; } }
            """);
        if (storage == "none")
        {
            await page.EvaluateAsync(Script);
            return;
        }
        if (storage == "missing") await page.EvaluateAsync($"s => localStorage.setItem('{StorageKey}', s)", Script);
        if (!Sessions.TryGetValue(page, out var session))
        {
            session = await page.Context.NewCDPSessionAsync(page);
            Sessions.AddOrUpdate(page, session);
        }
        var loaded = await session.SendAsync("Runtime.evaluate", new()
        {
            ["expression"] = $"eval(localStorage.getItem('{StorageKey}')); typeof window.axe",
            ["returnByValue"] = true,
        });
        Assert.Equal("object", loaded?.GetProperty("result").GetProperty("value").GetString());
    }

    // 画面の状態の印: 毎回変わるもの（CSRF トークン、確認の問題、テストごとの ID、時刻や数）を除いた HTML のハッシュ
    private static string StateOf(string html)
    {
        var normalized = Volatile().Replace(html, "_");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    [GeneratedRegex(@"value=""[A-Za-z0-9_\-]{40,}""|data-challenge=""[^""]*""|[\w.+-]+@[\w.-]+|\d+")]
    private static partial Regex Volatile();

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
