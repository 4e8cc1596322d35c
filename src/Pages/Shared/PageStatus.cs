using System.Text.RegularExpressions;

namespace MyPage.Pages.Shared;

// 移った先の画面に ?status= で伝える結果。受け取る画面ごとの enum で書く（値の書き違いはビルドの誤り）。
// URL では kebab-case（SignedOutOthers → signed-out-others）。知らない値は null（何も知らせない）。
internal static partial class PageStatus
{
    public const string Key = "status";

    public static string Value<T>(T status) where T : struct, Enum => Kebab().Replace(status.ToString(), "-$1").ToLowerInvariant();

    // RedirectToPage に渡すルートの値（ほかの値と一緒に）
    public static RouteValueDictionary Route<T>(T status, object? values = null) where T : struct, Enum
        => new(values) { [Key] = Value(status) };

    public static T? Read<T>(HttpRequest request) where T : struct, Enum
    {
        var typed = request.Query[Key].ToString();
        foreach (var status in Enum.GetValues<T>())
            if (Value(status) == typed) return status;
        return null;
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex Kebab();
}
