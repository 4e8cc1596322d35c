using System.Security.Cryptography;
using System.Text;
using Geralt;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MyPage.Data;

namespace MyPage.Account;

// MyPage:Passwords の設定: Argon2id の回数とメモリ。OWASP Password Storage Cheat Sheet の第一の選択
// (m = 19 MiB, t = 2, p = 1) が既定。それより弱い組み合わせでは起動しない。
internal sealed class PasswordHashingOptions
{
    public int Iterations { get; set; } = 2;
    public int MemoryKiB { get; set; } = 19 * 1024;

    // OWASP の表: 回数ごとに要るメモリ（KiB）。どれも同じくらいの強さ
    public static readonly (int Iterations, int MemoryKiB)[] OwaspMinimum = [(1, 47104), (2, 19456), (3, 12288), (4, 9216), (5, 7168)];

    public bool MeetsOwaspMinimum =>
        Iterations >= 1 && MemoryKiB >= OwaspMinimum.Last(row => row.Iterations <= Iterations).MemoryKiB;

    public static string BelowMinimum(PasswordHashingOptions o) => MyPage.Startup.SettingChecks.Line("MyPage:Passwords", $"Iterations={o.Iterations}, MemoryKiB={o.MemoryKiB}",
        "Argon2id が OWASP の最低 (t=1 m≥47104、t=2 m≥19456、t=3 m≥12288、t=4 m≥9216、t≥5 m≥7168 KiB) より弱くなります。",
        "below the OWASP minimum for Argon2id (t=2 needs MemoryKiB >= 19456).");
}

// パスワードのハッシュ: Argon2id（libsodium の crypto_pwhash_str、Geralt 経由）。保存するのは
// $argon2id$v=19$m=…,t=…,p=1$塩$ハッシュ の文字列で、設定を変えても前のハッシュは照合でき、次のログインで作り直す。
// 以前の形式（ASP.NET Core Identity V3: PBKDF2-HMAC-SHA512）も照合でき、合えば次のログインで Argon2id に置き換える。
internal sealed class Argon2PasswordHasher(IOptions<PasswordHashingOptions> options) : IPasswordHasher<Seeker>
{
    private const string Prefix = "$argon2id$";
    private readonly PasswordHasher<Seeker> identityV3 = new();

    private int Iterations => options.Value.Iterations;
    private int MemoryBytes => options.Value.MemoryKiB * 1024;

    public string HashPassword(Seeker user, string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        var hash = new char[Argon2id.HashSize];
        try
        {
            Argon2id.ComputeHash(hash, bytes, Iterations, MemoryBytes);
            return new string(hash).TrimEnd('\0');
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public PasswordVerificationResult VerifyHashedPassword(Seeker user, string hashedPassword, string providedPassword)
    {
        if (!hashedPassword.StartsWith(Prefix, StringComparison.Ordinal))
            return identityV3.VerifyHashedPassword(user, hashedPassword, providedPassword) == PasswordVerificationResult.Failed
                ? PasswordVerificationResult.Failed
                : PasswordVerificationResult.SuccessRehashNeeded;

        var bytes = Encoding.UTF8.GetBytes(providedPassword);
        try
        {
            if (!Argon2id.VerifyHash(hashedPassword, bytes)) return PasswordVerificationResult.Failed;
            return Argon2id.NeedsRehash(hashedPassword, Iterations, MemoryBytes)
                ? PasswordVerificationResult.SuccessRehashNeeded
                : PasswordVerificationResult.Success;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // 壊れた保存値: 誰のパスワードとも合わない
            return PasswordVerificationResult.Failed;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}

// 存在しないIDにも同じ重さの照合をするための捨てハッシュ（応答時間でIDの有無がわからないように）。
// 本物のパスワードと同じハッシュ（登録されたもの）で、サイトごとに一度だけ作る。
internal sealed class UnknownIdHash(IPasswordHasher<Seeker> hasher)
{
    private readonly Lazy<string> hash = new(() =>
        hasher.HashPassword(new Seeker(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public string Value => hash.Value;
}
