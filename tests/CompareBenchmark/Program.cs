// 二つのサイトを比べるための、ログインの負荷のかけ手（テストではなくベンチマーク。compare.sh が使う）。
// 同時接続ごとに一つのブラウザ（Cookie）と一人の利用者で、ログインの画面を開く → ログインする、を繰り返す。
// 使い方: dotnet CompareBenchmark.dll URL ログインのパス IDの欄 パスワードの欄 成功の移動先 同時接続数 秒数 [追加の欄=値 ...]
// 出力の最後の行: RESULT <成功/秒> <p50 ms> <p95 ms> <失敗の数> <5xx の数> <この負荷のかけ手の CPU ms/ログイン>
// （負荷のかけ手は同じ機械のコアを使う: 一回ごとの TLS の握手と HttpClient の分。ハッシュの天井と並べて読むため）
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

if (args.Length < 7)
{
    Console.Error.WriteLine("使い方: CompareBenchmark URL ログインのパス IDの欄 パスワードの欄 成功の移動先 同時接続数 秒数 [欄=値 ...]");
    return 2;
}
var site = new Uri(args[0]);
var (loginPath, idField, passwordField, success) = (args[1], args[2], args[3], args[4]);
var concurrency = int.Parse(args[5], CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(int.Parse(args[6], CultureInfo.InvariantCulture));
var extra = args.Skip(7).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
const string Password = "Bench-pass-2026";
var failures = 0;
var serverErrors = 0;

HttpClient Client() => new(new HttpClientHandler
{
    CookieContainer = new CookieContainer(),
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.All,
    ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
})
{ BaseAddress = site };

async Task<bool> LogInAsync(HttpClient client, string id)
{
    var page = await client.GetStringAsync(loginPath);
    var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var form = new Dictionary<string, string>(extra) { ["__RequestVerificationToken"] = token, [idField] = id, [passwordField] = Password };
    using var login = await client.PostAsync(loginPath, new FormUrlEncodedContent(form));
    if ((int)login.StatusCode >= 500) Interlocked.Increment(ref serverErrors);
    var ok = login.StatusCode == HttpStatusCode.Redirect && login.Headers.Location?.OriginalString == success;
    if (!ok && Interlocked.Increment(ref failures) == 1)
    {
        var body = await login.Content.ReadAsStringAsync();
        Console.Error.WriteLine($"ログインできません: {(int)login.StatusCode} {login.Headers.Location} {body[..Math.Min(300, body.Length)]}");
    }
    return ok;
}

async Task<List<double>> MeasureAsync(TimeSpan length)
{
    var until = DateTime.UtcNow + length;
    var samples = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async i =>
    {
        var times = new List<double>();
        while (DateTime.UtcNow < until)
        {
            // 毎回新しいブラウザ: ログイン済みの Cookie を持ち越さない
            using var client = Client();
            var watch = Stopwatch.StartNew();
            if (await LogInAsync(client, $"bench{i}@example.jp")) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }));
    return samples.SelectMany(s => s).Order().ToList();
}

double P(List<double> results, double q) => results.Count == 0 ? 0 : results[Math.Min(results.Count - 1, (int)Math.Ceiling(q * results.Count) - 1)];

await MeasureAsync(TimeSpan.FromSeconds(3)); // 温める（JIT、接続）
failures = 0;
serverErrors = 0;
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var logins = await MeasureAsync(duration);
var cpuPerLogin = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, logins.Count);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT {logins.Count / duration.TotalSeconds:0.0} {P(logins, 0.50):0.0} {P(logins, 0.95):0.0} {failures} {serverErrors} {cpuPerLogin:0.0}"));
return 0;
