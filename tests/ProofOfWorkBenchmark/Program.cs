// 計算による確認を、CPU を絞ったブラウザ (run.sh が cgroup に入れる) で解く時間を測る。テストではない。
// 回ごとに新しいブラウザの文脈で S1 を確認つきで開き (?check=1)、Worker が解き始めてから答えが入るまでを測る。
// 問題の数は乱数 (0〜maxnumber) なので、回ごとに時間がばらつく: 速さ (SHA-256/秒) も出し、そこから平均と最悪の時間を見積もる。
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

var baseUrl = args.Length > 0 ? args[0] : "https://127.0.0.1:5743";
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var executable = args.Length > 2 ? args[2] : "/usr/bin/chromium";
var label = args.Length > 3 ? args[3] + " % of one core" : "uncapped";

// 確認の部品 (data-bot-check) の data-state が working になった時と done になった時を、ページの時計で書き留める
const string Recorder = """
    window.__pow = {};
    new MutationObserver(function () {
      var box = document.querySelector('[data-bot-check]');
      if (!box) return;
      var state = box.dataset.state;
      if (state && !window.__pow[state]) window.__pow[state] = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    """;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = executable,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

var seconds = new List<double>();
long hashes = 0;
var maxNumber = 0;
for (var i = 0; i < rounds; i++)
{
    await using var context = await browser.NewContextAsync(new() { IgnoreHTTPSErrors = true, Locale = "ja-JP" });
    await context.AddInitScriptAsync(Recorder);
    var page = await context.NewPageAsync();
    await page.GotoAsync(baseUrl + "/Account/Login?check=1", new() { Timeout = 120_000 });
    await page.Locator("[data-bot-check][data-state=done], [data-bot-check][data-state=failed]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 300_000 });
    var started = await page.EvaluateAsync<double>("window.__pow.working");
    var done = await page.EvaluateAsync<double>("window.__pow.done || -1");
    if (done < 0) throw new InvalidOperationException("確認を解けませんでした");
    var answer = await page.Locator("input[name=BotCheck]").InputValueAsync();
    using var solution = JsonDocument.Parse(Convert.FromBase64String(answer));
    var number = solution.RootElement.GetProperty("number").GetInt32();
    using var challenge = JsonDocument.Parse(await page.Locator("[data-bot-check]").GetAttributeAsync("data-challenge") ?? "{}");
    maxNumber = challenge.RootElement.GetProperty("maxnumber").GetInt32();
    var took = (done - started) / 1000;
    seconds.Add(took);
    hashes += number + 1;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}, round {i + 1}: {took:F2} s for {number + 1:N0} SHA-256 ({(number + 1) / took:N0}/s)"));
}

var sorted = seconds.Order().ToList();
var rate = hashes / seconds.Sum();
var report = new StringBuilder();
report.Append(CultureInfo.InvariantCulture, $"RESULT {label}: maxnumber {maxNumber:N0}, {rounds} rounds, median {sorted[rounds / 2]:F2} s, worst {sorted[^1]:F2} s; ");
report.Append(CultureInfo.InvariantCulture, $"{rate:N0} SHA-256/s, so on average {maxNumber / 2.0 / rate:F1} s and at most {maxNumber / rate:F1} s for this size");
Console.WriteLine(report.ToString());
