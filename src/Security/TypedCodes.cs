using System.Text;

namespace MyPage.Security;

// メールで届いた数字のコード（認証キー、ワンタイムパスワード）の入力: 全角の数字や空白、ハイフンを許す。
internal static class TypedCodes
{
    // 数字だけにして length 桁なら返す。ほかの文字があるか桁数が違えば null
    public static string? Normalize(string? typed, int length)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64) return null;
        var digits = new StringBuilder();
        foreach (var c in typed.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is ' ' or '-' or '\u3000' or '\u2010' or '\u2212' or '\u30fc' or '\t') continue;
            else return null;
        }
        return digits.Length == length ? digits.ToString() : null;
    }
}
