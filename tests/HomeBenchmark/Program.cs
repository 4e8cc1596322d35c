// 求職者マイページの負荷のかけ手（テストではなくベンチマーク）: ログインの成功数/秒と、ホームの応答時間。
// 使い方: dotnet run -c Release -- https://localhost:5443[,https://localhost:5444] [同時接続数=8] [秒数=20]
// URL を複数渡すと、要求ごとに次のインスタンスへ送る（ロードバランサーの後ろで、要求ごとに別のインスタンスに当たる求職者）。
// 起動からまとめて行うには run.sh を使う。
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

var instances = (args.Length > 0 ? args[0] : "https://localhost:5443").Split(',').Select(u => new Uri(u)).ToArray();
var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8;
var duration = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
var next = 0;
Uri Url(string path) => new(instances[Interlocked.Increment(ref next) % instances.Length], path);

HttpClient Client(CookieContainer cookies) => new(new HttpClientHandler
{
    CookieContainer = cookies,
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.All,
    ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
});

// ログインの画面を開き、デモ求職者でログインする（二つの要求は別のインスタンスに当たることがある）
async Task LogInAsync(HttpClient client)
{
    var page = await client.GetStringAsync(Url("/Account/Login"));
    var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    using var login = await client.PostAsync(Url("/Account/Login"), new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token, ["Input.Id"] = "demo@example.jp", ["Input.Password"] = "Demo-pass-2026",
    }));
    if (login.StatusCode != HttpStatusCode.Redirect || login.Headers.Location?.OriginalString != "/Home")
        throw new InvalidOperationException("ログインできません: " + login.StatusCode + " " + login.Headers.Location);
}

async Task<List<double>> MeasureAsync(IEnumerable<HttpClient> clients, TimeSpan length, Func<HttpClient, Task> work)
{
    var until = DateTime.UtcNow + length;
    var samples = await Task.WhenAll(clients.Select(async client =>
    {
        var times = new List<double>();
        while (DateTime.UtcNow < until)
        {
            var watch = Stopwatch.StartNew();
            await work(client);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }));
    return samples.SelectMany(s => s).Order().ToList();
}

async Task OpenHomeAsync(HttpClient client)
{
    using var response = await client.GetAsync(Url("/Home"));
    await response.Content.ReadAsByteArrayAsync();
    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException("ホームが開けません: " + response.StatusCode);
}

double P(List<double> results, double q) => results[Math.Min(results.Count - 1, (int)Math.Ceiling(q * results.Count) - 1)];

// 1. ログイン: 同時接続ごとに新しいブラウザ（Cookie なし）で、ログインの画面 → ログイン を繰り返す
var loginClients = Enumerable.Range(0, concurrency).Select(_ => Client(new CookieContainer())).ToList();
await MeasureAsync(loginClients, TimeSpan.FromSeconds(3), LogInAsync); // 温める
var logins = await MeasureAsync(loginClients, duration, LogInAsync);

// 2. ホーム: 同時接続ごとに一つのセッションで GET /Home を繰り返す
var clients = new List<HttpClient>();
for (var i = 0; i < concurrency; i++)
{
    var client = Client(new CookieContainer());
    await LogInAsync(client);
    client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
    clients.Add(client);
}
await MeasureAsync(clients, TimeSpan.FromSeconds(5), OpenHomeAsync); // 温める（JIT、接続、キャッシュ）
var results = await MeasureAsync(clients, duration, OpenHomeAsync);

Console.WriteLine($"インスタンス {instances.Length}  同時 {concurrency}  {duration.TotalSeconds:0}秒ずつ");
Console.WriteLine($"ログイン   {logins.Count / duration.TotalSeconds:0.0}件/秒  p50 {P(logins, 0.50):0.0} ms  p95 {P(logins, 0.95):0.0} ms");
Console.WriteLine($"GET /Home  {results.Count / duration.TotalSeconds:0.0}件/秒  p50 {P(results, 0.50):0.0} ms  p95 {P(results, 0.95):0.0} ms  p99 {P(results, 0.99):0.0} ms  max {results[^1]:0.0} ms");
Console.WriteLine($"RESULT\t{instances.Length}\t{logins.Count / duration.TotalSeconds:0.0}\t{P(results, 0.95):0.0}\t{results.Count / duration.TotalSeconds:0}");
var ok = P(results, 0.95) < 50;
Console.WriteLine(ok ? "予算内: ホームの p95 < 50 ms" : "予算超過: ホームの p95 >= 50 ms");
return ok ? 0 : 1;
