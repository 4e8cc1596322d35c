// パスワードの照合の速さ: 以前のハッシュ (ASP.NET Core Identity V3: PBKDF2-HMAC-SHA512, 10万回) と
// いまのハッシュ (Argon2id, m = 19 MiB, t = 2, p = 1) で、正しいパスワードの照合（ログインの重さのほとんど）を交互に測る。
// 交互に測るので、機械のほかの負荷は両方に同じようにかかる。
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MyPage.Account;
using MyPage.Data;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
const string Password = "Right-pass-1";
var seeker = new Seeker();
var v3 = new PasswordHasher<Seeker>();
var argon2 = new Argon2PasswordHasher(Options.Create(new PasswordHashingOptions()));
var v3Hash = v3.HashPassword(seeker, Password);
var argon2Hash = argon2.HashPassword(seeker, Password);

// 温める
v3.VerifyHashedPassword(seeker, v3Hash, Password);
argon2.VerifyHashedPassword(seeker, argon2Hash, Password);

var v3Times = new List<double>();
var argon2Times = new List<double>();
for (var i = 0; i < rounds; i++)
{
    var watch = Stopwatch.StartNew();
    if (v3.VerifyHashedPassword(seeker, v3Hash, Password) == PasswordVerificationResult.Failed) throw new InvalidOperationException("V3 failed");
    v3Times.Add(watch.Elapsed.TotalMilliseconds);
    watch.Restart();
    if (argon2.VerifyHashedPassword(seeker, argon2Hash, Password) != PasswordVerificationResult.Success) throw new InvalidOperationException("Argon2id failed");
    argon2Times.Add(watch.Elapsed.TotalMilliseconds);
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
var (v3Median, argon2Median) = (Median(v3Times), Median(argon2Times));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rounds {rounds}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PBKDF2-HMAC-SHA512 100k (Identity V3): median {v3Median:F1} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Argon2id m=19MiB t=2 p=1:              median {argon2Median:F1} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (V3 / Argon2id): {v3Median / argon2Median:F2}x"));
