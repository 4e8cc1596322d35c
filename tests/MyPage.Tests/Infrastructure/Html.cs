using System.Text.RegularExpressions;

namespace MyPage.Tests.Infrastructure;

public static partial class Html
{
    [GeneratedRegex("<div id=\"error-summary\".*?</ul>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummaryPattern();

    // 画面上部のエラーのまとめだけ（画面の案内文に同じ言葉があっても取り違えない）
    public static string ErrorSummary(string html) => ErrorSummaryPattern().Match(html).Value;
}
