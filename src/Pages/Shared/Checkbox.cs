namespace MyPage.Pages.Shared;

// 同意のチェックボックス。読むべき文書へのリンクとエラーを一緒に描く (_Checkbox)
public sealed record Checkbox(string Id, string Name, string Label, bool Checked, string DocumentUrl, string DocumentLinkText, string? Error);
