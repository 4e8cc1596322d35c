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

// ログインの画面を開いてログインする（二つの要求は別のインスタンスに当たることがある）。
// 既定はデモ求職者。ログインの測定では同時接続ごとに別の求職者 (bench{i}@example.jp、run.sh が作る) を使う:
// 一つの ID に同時に6件以上のログインが来ると、照合の前に数える予約（ロック）が6件目から断る（設計どおり）
async Task LogInAsync(HttpClient client, string id = "demo@example.jp", string password = "Demo-pass-2026")
{
    var page = await client.GetStringAsync(Url("/Account/Login"));
    var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    using var login = await client.PostAsync(Url("/Account/Login"), new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token, ["Input.Id"] = id, ["Input.Password"] = password,
    }));
    if (login.StatusCode != HttpStatusCode.Redirect || login.Headers.Location?.OriginalString != "/Home")
    {
        var html = await login.Content.ReadAsStringAsync();
        var summary = string.Join(" / ", Regex.Matches(html, "<(?:li|p|h2)[^>]*>([^<]{2,200})").Select(m => m.Groups[1].Value).Take(8));
        throw new InvalidOperationException($"ログインできません: {login.StatusCode} {login.Headers.Location}\n{summary}");
    }
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

// 1. ログイン: 同時接続ごとに一つのブラウザと一人の求職者で、ログインの画面 → ログイン を繰り返す
var loginClients = Enumerable.Range(0, concurrency).Select(_ => Client(new CookieContainer())).ToList();
var seekerOf = loginClients.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => $"bench{p.i}@example.jp");
Task LogInAsBenchSeekerAsync(HttpClient client) => LogInAsync(client, seekerOf[client], "Bench-pass-2026");
await MeasureAsync(loginClients, TimeSpan.FromSeconds(3), LogInAsBenchSeekerAsync); // 温める
var logins = await MeasureAsync(loginClients, duration, LogInAsBenchSeekerAsync);

// 2. ホーム: 同時接続ごとに一つのセッションで GET /Home を繰り返す
var clients = new List<HttpClient>();
for (var i = 0; i < concurrency; i++)
{
    var client = Client(new CookieContainer());
    await LogInAsync(client, "demo@example.jp", "Demo-pass-2026");
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
