// パスキーでのログインと、ID・パスワードでのログインの重さ（テストではなくベンチマーク。run.sh がサイトを起動して使う）。
// 同時接続ごとに一人の求職者で、二つのログインを同じ時間ずつ交互に繰り返し、成功の数/秒と、サイトのプロセスが使った CPU 時間
// （/proc/PID/stat の utime + stime）をログイン一回あたりで比べる。交互に測るので、機械のほかの負荷は両方に同じようにかかる。
//   パスワード: S1 を開く → ID・パスワードを送る（Argon2id の照合。ワンタイムパスワードは切ってある）
//   パスキー:   S1 を開く → 問題をもらう → 署名した答えを送る（P-256 の署名の確かめ）
// 終わりに、確かめそのもの（ログインの手順を除いた部分）を、このプロセスの中で比べる: Argon2id の照合と、P-256 の署名の確かめ。
// 使い方: dotnet PasskeyBenchmark.dll URL サイトのPID 同時接続数 秒数 回数 [fresh]
// 出力の最後の行: RESULT <パスワード: ログイン/秒> <CPU ms/ログイン> <パスキー: ログイン/秒> <CPU ms/ログイン> <CPU の比> <Argon2id ms> <P-256 ms>
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MyPage.Account;
using MyPage.Data;
using System.Text.RegularExpressions;
using PasskeyBenchmark;

var site = new Uri(args[0]);
var pid = int.Parse(args[1], CultureInfo.InvariantCulture);
var concurrency = int.Parse(args[2], CultureInfo.InvariantCulture);
var seconds = TimeSpan.FromSeconds(int.Parse(args[3], CultureInfo.InvariantCulture));
var rounds = int.Parse(args[4], CultureInfo.InvariantCulture);
const string Password = "Bench-pass-2026";

HttpClient Client() => new(new HttpClientHandler
{
    CookieContainer = new CookieContainer(),
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.All,
    ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
})
{ BaseAddress = site };

async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string path, Dictionary<string, string> fields)
{
    var html = await client.GetStringAsync(page);
    fields["__RequestVerificationToken"] = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    return await client.PostAsync(path, new FormUrlEncodedContent(fields));
}

// 同時接続ごとに一つのブラウザ（Cookie と接続を持ち越す: 自分の端末から毎日ログインする求職者。初めてのブラウザの
// お知らせのメールも TLS の握手も、ログインごとにはない）。fresh なら、ログインごとに新しいブラウザ
var fresh = args.Length > 5 && args[5] == "fresh";
var browsers = Enumerable.Range(0, concurrency).Select(_ => Client()).ToArray();
HttpClient Browser(int i) => fresh ? Client() : browsers[i];
void Done(HttpClient client) { if (fresh) client.Dispose(); }
SoftwarePasskey[] passkeys = [];

async Task<bool> PasswordLoginAsync(int i)
{
    var client = Browser(i);
    using var login = await PostAsync(client, "/Account/Login", "/Account/Login", new() { ["Input.Id"] = $"bench{i}@example.jp", ["Input.Password"] = Password });
    Done(client);
    return login.StatusCode == HttpStatusCode.Redirect && login.Headers.Location?.OriginalString == "/Home";
}

async Task<bool> PasskeyLoginAsync(int i)
{
    var (client, passkey) = (Browser(i), passkeys[i]);
    var html = await client.GetStringAsync("/Account/Login");
    var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    using var options = await client.PostAsync("/Account/Login?handler=PasskeyOptions", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    var answer = passkey.Assert(await options.Content.ReadAsStringAsync());
    using var login = await client.PostAsync("/Account/Login?handler=Passkey", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Credential"] = answer }));
    Done(client);
    return login.StatusCode == HttpStatusCode.Redirect && login.Headers.Location?.OriginalString == "/Home";
}

// 求職者ごとに一度、ID・パスワードでログインしてパスキーを登録する
async Task<SoftwarePasskey> RegisterAsync(int i)
{
    using var client = Client();
    using (var login = await PostAsync(client, "/Account/Login", "/Account/Login", new() { ["Input.Id"] = $"bench{i}@example.jp", ["Input.Password"] = Password }))
        if (login.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"bench{i} がログインできません: {login.StatusCode}");
    using var step = await PostAsync(client, "/Settings/Security", "/Settings/Security?handler=PasskeyOptions", new() { ["Input.Password"] = Password });
    var options = WebUtility.HtmlDecode(Regex.Match(await step.Content.ReadAsStringAsync(), "data-creation-options=\"([^\"]+)\"").Groups[1].Value);
    var passkey = new SoftwarePasskey(site);
    using var added = await PostAsync(client, "/Settings/Security", "/Settings/Security?handler=PasskeyAdd", new() { ["Credential"] = passkey.Register(options) });
    if (added.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"bench{i} のパスキーを登録できません: {added.StatusCode}");
    return passkey;
}

// サイトのプロセスの CPU 時間（utime + stime、clock tick は 100 Hz）
TimeSpan ServerCpu()
{
    var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return TimeSpan.FromMilliseconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10);
}

// length の間、同時接続ごとに login を繰り返す。成功の数とサイトの CPU 時間
async Task<(int Logins, TimeSpan Cpu, int Failures)> MeasureAsync(TimeSpan length, Func<int, Task<bool>> login)
{
    var cpu = ServerCpu();
    var until = DateTime.UtcNow + length;
    var counts = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async i =>
    {
        var (ok, failed) = (0, 0);
        while (DateTime.UtcNow < until)
        {
            if (await login(i)) ok++; else failed++;
        }
        return (ok, failed);
    }));
    return (counts.Sum(c => c.ok), ServerCpu() - cpu, counts.Sum(c => c.failed));
}

passkeys = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(RegisterAsync));
// 温める（JIT が速いコードに作り直すまで）
await MeasureAsync(TimeSpan.FromSeconds(5), PasswordLoginAsync);
await MeasureAsync(TimeSpan.FromSeconds(5), PasskeyLoginAsync);

var (passwordLogins, passwordCpu, passkeyLogins, passkeyCpu, failures) = (0, TimeSpan.Zero, 0, TimeSpan.Zero, 0);
for (var round = 1; round <= rounds; round++)
{
    var password = await MeasureAsync(seconds, PasswordLoginAsync);
    var passkey = await MeasureAsync(seconds, PasskeyLoginAsync);
    (passwordLogins, passwordCpu, passkeyLogins, passkeyCpu) = (passwordLogins + password.Logins, passwordCpu + password.Cpu, passkeyLogins + passkey.Logins, passkeyCpu + passkey.Cpu);
    failures += password.Failures + passkey.Failures;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round}: password {password.Logins / seconds.TotalSeconds:F1}/s, {password.Cpu.TotalMilliseconds / Math.Max(1, password.Logins):F1} ms CPU each; passkey {passkey.Logins / seconds.TotalSeconds:F1}/s, {passkey.Cpu.TotalMilliseconds / Math.Max(1, passkey.Logins):F1} ms CPU each"));
}
var total = seconds.TotalSeconds * rounds;

// 確かめだけ: サイトと同じ Argon2id (m = 19 MiB, t = 2) の照合と、パスキーの答えと同じ大きさ（authenticatorData 37 バイト +
// clientDataJSON のハッシュ 32 バイト）の P-256 の署名の確かめ、それぞれ 100 回の中央値
var argon2 = new Argon2PasswordHasher(Options.Create(new PasswordHashingOptions()));
var hash = argon2.HashPassword(new Seeker(), Password);
using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
var signed = RandomNumberGenerator.GetBytes(69);
var signature = key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
static double Median(Func<bool> work)
{
    work();
    var times = Enumerable.Range(0, 100).Select(_ =>
    {
        var watch = Stopwatch.StartNew();
        if (!work()) throw new InvalidOperationException("確かめに失敗しました");
        return watch.Elapsed.TotalMilliseconds;
    }).Order().ToList();
    return times[times.Count / 2];
}
var argon2Median = Median(() => argon2.VerifyHashedPassword(new Seeker(), hash, Password) == PasswordVerificationResult.Success);
var p256Median = Median(() => key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verification only: Argon2id {argon2Median:F2} ms, P-256 signature {p256Median:F3} ms, ratio {argon2Median / p256Median:F0}x"));
var (passwordEach, passkeyEach) = (passwordCpu.TotalMilliseconds / Math.Max(1, passwordLogins), passkeyCpu.TotalMilliseconds / Math.Max(1, passkeyLogins));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"failures {failures}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT\t{passwordLogins / total:F1}\t{passwordEach:F2}\t{passkeyLogins / total:F1}\t{passkeyEach:F2}\t{passwordEach / passkeyEach:F1}\t{argon2Median:F2}\t{p256Median:F3}"));
foreach (var passkey in passkeys) passkey.Dispose();
foreach (var browser in browsers) browser.Dispose();
return failures == 0 ? 0 : 1;
