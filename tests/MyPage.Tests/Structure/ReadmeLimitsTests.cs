using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using MyPage.Abuse;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Structure;

// README の「Abuse defence」の上限の表は、上限のただ一つの置き場 (RateLimitOptions) と同じことを言う。
// 設定ごとに行があり、行の太字の数はその設定の既定値（時間は「**10** minutes」の形）。上限を足して表に書き忘れるか、
// 既定値を変えて表を直し忘れると、この試験が落ちる
public partial class ReadmeLimitsTests
{
    [Fact]
    public void Lists_every_request_limit_with_its_default_in_the_readme_limits_table()
    {
        var (header, rows) = LimitsTable();
        Assert.Contains($"`{RateLimitOptions.Section}:`", header, StringComparison.Ordinal);

        var defaults = new RateLimitOptions();
        var named = new List<string>();
        var wrong = new List<string>();
        foreach (var row in rows)
        {
            var settings = Code().Matches(row.Setting).Select(m => m.Groups[1].Value).ToList();
            if (row.Setting.StartsWith("none", StringComparison.Ordinal)) settings.Clear();
            named.AddRange(settings);
            var expected = settings.Select(name => Shown(typeof(RateLimitOptions).GetProperty(name)?.GetValue(defaults), name)).ToList();
            var shown = Bold().Matches(row.Value).Select(m => m.Value).ToList();
            if (!expected.SequenceEqual(shown)) wrong.Add($"{row.Limit}: 表は [{string.Join(", ", shown)}]、既定値は [{string.Join(", ", expected)}]");
        }

        Assert.True(wrong.Count == 0, "README の上限の表と既定値が違う行:\n" + string.Join("\n", wrong));
        var limits = typeof(RateLimitOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name);
        Assert.Empty(limits.Except(named).Order());   // 表に行のない上限
        Assert.Empty(named.Except(limits).Order());   // 表にあるが、ない設定
        Assert.Equal(named.Count, named.Distinct().Count());
    }

    // 設定の既定値の、表での書き方
    private static string Shown(object? value, string name) => value switch
    {
        int n => $"**{n.ToString(CultureInfo.InvariantCulture)}**",
        TimeSpan { Seconds: 0, Hours: 0 } span => $"**{span.Minutes.ToString(CultureInfo.InvariantCulture)}** minutes",
        _ => $"（{name} の書き方がない）",
    };

    private static (string Header, List<(string Limit, string Setting, string Value)> Rows) LimitsTable()
    {
        var readme = File.ReadAllLines(Path.Combine(Repository.Root, "README.md"));
        var table = readme.SkipWhile(l => l != "## Abuse defence").SkipWhile(l => !l.StartsWith("| Limit |", StringComparison.Ordinal))
            .TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.True(table.Count > 2, "README の「Abuse defence」に上限の表がない");
        var rows = table.Skip(2).Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).Select(c => (c[1], c[2], c[3])).ToList();
        return (table[0], rows);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*[^*]+\*\*(?: minutes)?")]
    private static partial Regex Bold();
}
