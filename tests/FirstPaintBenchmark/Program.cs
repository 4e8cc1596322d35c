// 遅い回線 (Slow 3G: 往復 2,000 ms、下り 50 KB/s) での S1 の最初の描画 (first-contentful-paint) を測る。テストではない。
// キャッシュのない新しいブラウザで、何回か開いて中央値を出す。
using System.Globalization;
using Microsoft.Playwright;

var baseUrl = args.Length > 0 ? args[0] : "https://127.0.0.1:5643";
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var path = args.Length > 2 ? args[2] : "/Account/Login";

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

var paints = new List<double>();
for (var i = 0; i < rounds; i++)
{
    await using var context = await browser.NewContextAsync(new() { IgnoreHTTPSErrors = true, Locale = "ja-JP" });
    var page = await context.NewPageAsync();
    var cdp = await context.NewCDPSessionAsync(page);
    await cdp.SendAsync("Network.enable");
    await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
    await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
    {
        ["offline"] = false,
        ["latency"] = 2000,
        ["downloadThroughput"] = 50 * 1024,
        ["uploadThroughput"] = 50 * 1024,
    });
    await page.GotoAsync(baseUrl + path, new() { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
    var paint = await page.EvaluateAsync<double>("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1");
    paints.Add(paint);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {i + 1}: first-contentful-paint {paint:F0} ms"));
}
var median = paints.Order().ElementAt(paints.Count / 2);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path} on Slow 3G (2,000 ms RTT, 50 KB/s): median first-contentful-paint {median:F0} ms over {rounds} rounds"));
