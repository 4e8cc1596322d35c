using System.Security.Cryptography;
using MyPage.Security;

namespace MyPage.PasswordReset;

// 認証キー: CSPRNG の8桁の数字（携帯電話でも打ちやすい）。データベースにはソルト付き PBKDF2 だけを置く。
internal static class ResetKey
{
    public const int Digits = 8;
    private const int Iterations = 100_000;

    public static string Generate() => RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    // 全角数字、空白、ハイフンを許す。8桁の数字にならなければ null
    public static string? Normalize(string? typed) => TypedCodes.Normalize(typed, Digits);

    public static string Hash(string key)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(key, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return Convert.ToBase64String(salt) + "." + Convert.ToBase64String(hash);
    }

    public static bool Verify(string key, string stored)
    {
        var parts = stored.Split('.');
        var salt = Convert.FromBase64String(parts[0]);
        var expected = Convert.FromBase64String(parts[1]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(key, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
