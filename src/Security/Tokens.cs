using System.Security.Cryptography;
using System.Text;

namespace MyPage.Security;

// 推測できない鍵（Cookie や URL に入れる）と、データベースに置くそのハッシュ
public static class Tokens
{
    public static string NewUrlSafe(int bytes = 32)
        => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Sha256Hex(string value)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
