using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MyPage.Tests.Infrastructure;

public static class Axe
{
    // WCAG 2.x の A / AA のルールだけで見る
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var problems = result.Violations.Select(v =>
            $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}");
        Assert.True(result.Violations.Length == 0, $"{page.Url}\n" + string.Join("\n", problems));
    }
}
