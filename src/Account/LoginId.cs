using System.Text;
using Microsoft.AspNetCore.Identity;

namespace MyPage.Account;

// ID(メールアドレス)の正規化: NFKC → 前後の空白を除く → 小文字。
// 全角で入力されたIDや前後に空白があるIDも同じ人として扱う。
public static class LoginId
{
    public const int MaxLength = 254;

    public static string Normalize(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        return raw.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
    }

    // ログや回数の記録に、入力されたIDそのものは残さない。同じIDを追えるだけのハッシュ。
    public static string Tag(string? value)
        => Security.Tokens.Sha256Hex(value ?? "")[..16];
}

// Identity の NormalizedUserName / NormalizedEmail にも同じ規則を使う
public sealed class LoginIdNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => name is null ? null : LoginId.Normalize(name);
    public string? NormalizeEmail(string? email) => email is null ? null : LoginId.Normalize(email);
}
