using System.Security.Cryptography;
using System.Text;

namespace MyPage.PasswordReset;

// 認証キー: CSPRNG の8桁の数字（携帯電話でも打ちやすい）。データベースにはソルト付き PBKDF2 だけを置く。
public static class ResetKey
{
    public const int Digits = 8;
    private const int Iterations = 100_000;

    public static string Generate() => RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    // 全角数字、空白、ハイフンを許す。8桁の数字にならなければ null
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64) return null;
        var digits = new StringBuilder();
        foreach (var c in typed.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is ' ' or '-' or '\u3000' or '\u2010' or '\u2212' or '\u30fc' or '\t') continue;
            else return null;
        }
        return digits.Length == Digits ? digits.ToString() : null;
    }

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
