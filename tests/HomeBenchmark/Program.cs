// 求職者マイページホームの応答時間を測る負荷のかけ手（テストではなくベンチマーク）。
// 使い方: dotnet run -c Release -- https://localhost:5443 [同時接続数=8] [秒数=20]
// 起動からまとめて行うには run.sh を使う。
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

var baseUrl = new Uri(args.Length > 0 ? args[0] : "https://localhost:5443");
var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8;
var duration = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);

HttpClient Client(CookieContainer cookies) => new(new HttpClientHandler
{
    CookieContainer = cookies,
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.All,
    ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
})
{ BaseAddress = baseUrl };

// 同時接続ごとに別のセッションでログインする（デモ求職者）
var clients = new List<HttpClient>();
for (var i = 0; i < concurrency; i++)
{
    var client = Client(new CookieContainer());
    var page = await client.GetStringAsync("/Account/Login");
    var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var login = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token, ["Input.Id"] = "demo@example.jp", ["Input.Password"] = "Demo-pass-2026",
    }));
    if (login.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("ログインできません: " + login.StatusCode);
    client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
    clients.Add(client);
}

async Task<List<double>> RunAsync(TimeSpan length)
{
    var until = DateTime.UtcNow + length;
    var samples = await Task.WhenAll(clients.Select(async client =>
    {
        var times = new List<double>();
        while (DateTime.UtcNow < until)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync("/Home");
            await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException("ホームが開けません: " + response.StatusCode);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }));
    return samples.SelectMany(s => s).Order().ToList();
}

await RunAsync(TimeSpan.FromSeconds(5)); // 温める（JIT、接続、キャッシュ）
var results = await RunAsync(duration);
double P(double q) => results[Math.Min(results.Count - 1, (int)Math.Ceiling(q * results.Count) - 1)];
Console.WriteLine($"GET /Home  同時 {concurrency}  {duration.TotalSeconds:0}秒  {results.Count}件  {results.Count / duration.TotalSeconds:0.0}件/秒");
Console.WriteLine($"p50 {P(0.50):0.0} ms  p95 {P(0.95):0.0} ms  p99 {P(0.99):0.0} ms  max {results[^1]:0.0} ms");
var ok = P(0.95) < 50;
Console.WriteLine(ok ? "予算内: p95 < 50 ms" : "予算超過: p95 >= 50 ms");
return ok ? 0 : 1;
