using System.Security.Cryptography;
using System.Text;

namespace MyPage.Security;

// 推測できない鍵（Cookie や URL に入れる）と、データベースに置くそのハッシュ
internal static class Tokens
{
    public static string NewUrlSafe(int bytes = 32)
        => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Sha256Hex(string value)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    // 保存したハッシュや署名と、計算したものを比べる（一致するまでの時間から中身を推し量らせない）
    public static bool FixedTimeEquals(string a, string b)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
