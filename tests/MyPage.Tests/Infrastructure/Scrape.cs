using System.Globalization;
using System.Text.RegularExpressions;

namespace MyPage.Tests.Infrastructure;

// Prometheus の受け口 (/metrics) が返した本文を読む。一つの数の、ラベルの合うサンプルをみな足す（無ければ 0）
public sealed partial class Scrape(string text)
{
    public string Text { get; } = text;

    public static async Task<Scrape> ReadAsync(Uri metricsUrl)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(metricsUrl, "/metrics"));
        response.EnsureSuccessStatusCode();
        return new(await response.Content.ReadAsStringAsync());
    }

    // 受け口の数が done になるまで読み直す（送信者のように裏で動く部品の数のため）
    public static Task<Scrape> UntilAsync(MyPageApp app, Func<Scrape, bool> done, string what) => Eventually.ValueAsync(app.ScrapeAsync, done, what);

    // name: 接尾辞まで（例 mypage_logins_total）。labels: "method=password" のように。ほかのラベルは問わない
    public double Value(string name, params string[] labels)
    {
        var wanted = labels.Select(l => l.Split('=', 2)).Select(p => $"{p[0]}=\"{p[1]}\"").ToList();
        return Samples(name).Where(s => wanted.All(w => s.Labels.Contains(w))).Sum(s => s.Value);
    }

    // 失敗の知らせ (Eventually) に、読んだ本文をそのまま出す
    public override string ToString() => Text;

    public bool Has(string name) => Samples(name).Any();

    private IEnumerable<(List<string> Labels, double Value)> Samples(string name)
    {
        foreach (var line in Text.Split('\n'))
        {
            if (SampleLine().Match(line) is not { Success: true } m || m.Groups["name"].Value != name) continue;
            var labels = LabelPair().Matches(m.Groups["labels"].Value).Select(p => p.Value).ToList();
            yield return (labels, double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(?=,|$)""")]
    private static partial Regex LabelPair();
}
