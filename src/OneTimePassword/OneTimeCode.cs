using System.Globalization;
using System.Security.Cryptography;
using MyPage.Security;

namespace MyPage.OneTimePassword;

// ワンタイムパスワード: CSPRNG の数字。保存は、そのログインの参照と結びつけたサイトの鍵の HMAC だけ
// （データベースだけを持ち出しても、6桁を総当たりで戻せない）。
internal static class OneTimeCode
{
    public static string Generate(int length)
        => RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, length)).ToString(new string('0', length), CultureInfo.InvariantCulture);

    public static string Hash(IdTags tags, string pendingId, string code) => tags.Of($"otp:{pendingId}:{code}");

    public static bool Matches(IdTags tags, string pendingId, string code, string stored)
        => Tokens.FixedTimeEquals(Hash(tags, pendingId, code), stored);
}
