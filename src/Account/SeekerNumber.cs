using System.Text.RegularExpressions;

namespace MyPage.Account;

// 求職番号: 5桁-7桁（例 70000-9999999）。全角で入力されても受け付ける。
internal static partial class SeekerNumber
{
    [GeneratedRegex(@"^\d{5}-\d{7}$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();

    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var value = raw.Normalize(System.Text.NormalizationForm.FormKC).Trim().Replace('ー', '-').Replace('−', '-');
        return Format().IsMatch(value) && value.All(c => c == '-' || char.IsAsciiDigit(c)) ? value : null;
    }
}
