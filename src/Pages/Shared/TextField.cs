namespace MyPage.Pages.Shared;

// 一つの入力欄: ラベル（※必須）、ヒント、エラー、aria-describedby をまとめて描く (_TextField)
public sealed record TextField(
    string Id,
    string Name,
    string Label,
    string? Value = null,
    string Type = "text",
    string? Autocomplete = null,
    string? InputMode = null,
    string? Hint = null,
    string? Error = null,
    bool Required = true);
