using System.Text.RegularExpressions;

namespace MyPage.Tests.Infrastructure;

public static partial class Html
{
    [GeneratedRegex("<div id=\"error-summary\".*?</ul>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummaryPattern();

    // 画面上部のエラーのまとめだけ（画面の案内文に同じ言葉があっても取り違えない）
    public static string ErrorSummary(string html) => ErrorSummaryPattern().Match(html).Value;

    [GeneratedRegex("<div id=\"lockout\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex LockoutPattern();

    // ロック中の知らせ（入力の誤りではないので、エラーのまとめとは別の枠）
    public static string Lockout(string html) => LockoutPattern().Match(html).Value;
}
