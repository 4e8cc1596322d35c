using System.Text;
using Microsoft.AspNetCore.Identity;

namespace MyPage.Account;

// ID(メールアドレス)の正規化: NFKC → 前後の空白を除く → 小文字。
// 全角で入力されたIDや前後に空白があるIDも同じ人として扱う。
internal static class LoginId
{
    public const int MaxLength = 254;

    public static string Normalize(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        return raw.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
    }

    // 入力欄の検査（ログイン、パスワード再登録、開設の仮登録で同じ規則）。
    // 正しければ null と正規化した値、誤りがあればその画面の言葉のメッセージ。
    public static string? Check(string? typed, int maxLength, IdMessages messages, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(typed)) return messages.Required;
        // メールアドレスになりうる入力は、NFKC と前後の空白の除去でそれ以上短くならない。長すぎる入力は正規化の前に断る
        if (typed.AsSpan().Trim().Length > maxLength) return messages.TooLong;
        normalized = Normalize(typed);
        if (normalized.Length > maxLength) return messages.TooLong;
        if (!MailAddress.IsValid(normalized)) return messages.NotAnAddress;
        return null;
    }
}

// ID の検査のメッセージ。画面ごとに呼び名（ID(メールアドレス) / メールアドレス）と上限が違う。形の規則はどこでも同じ (MailAddress)
internal sealed record IdMessages(string Required, string TooLong, string NotAnAddress);

// Identity の NormalizedUserName / NormalizedEmail にも同じ規則を使う
internal sealed class LoginIdNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => name is null ? null : LoginId.Normalize(name);
    public string? NormalizeEmail(string? email) => email is null ? null : LoginId.Normalize(email);
}
