using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MyPage.Pages.Shared;

// 入力エラーは ModelState の一つだけ: キーは入力欄の DOM の id、画面全体の誤りは空のキー。
// エラーのまとめ、入力欄、title の「エラー：」がここから読む。
internal static class FieldErrors
{
    public static string? For(ModelStateDictionary state, string id)
        => state.TryGetValue(id, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    // まとめに並べる順: 画面全体の誤り、入力欄の誤り（画面の並び順）、そのほか（送られた値が読めなかったなど）
    public static IEnumerable<(string? FieldId, string Message)> InOrder(ModelStateDictionary state, IReadOnlyList<string> fieldIds)
    {
        foreach (var error in Errors(state, string.Empty)) yield return (null, error);
        foreach (var id in fieldIds)
            foreach (var error in Errors(state, id)) yield return (id, error);
        foreach (var (key, entry) in state)
            if (key.Length > 0 && !fieldIds.Contains(key))
                foreach (var error in entry.Errors) yield return (null, error.ErrorMessage);
    }

    private static IEnumerable<string> Errors(ModelStateDictionary state, string key)
        => state.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}
