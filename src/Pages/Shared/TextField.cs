namespace MyPage.Pages.Shared;

// 一つの入力欄: ラベル（※必須）、ヒント、エラー、aria-describedby をまとめて描く (_TextField)。
// エラーは ModelState の Id のキーから読む。
internal sealed record TextField(
    string Id,
    string Name,
    string Label,
    string? Value = null,
    string Type = "text",
    string? Autocomplete = null,
    string? InputMode = null,
    string? Hint = null,
    bool Required = true);

// 年・月・日の三つの欄を一つの fieldset に (_DateField)。エラーは三つの Id のキーから読む。
internal sealed record DateField(
    string Id,
    string Name,
    string Legend,
    string? Hint,
    string? Year,
    string? Month,
    string? Day,
    string Autocomplete)
{
    public string YearId => $"{Id}-year";
    public string MonthId => $"{Id}-month";
    public string DayId => $"{Id}-day";
}

// 一覧から一つ選ぶ欄 (_SelectField)。
internal sealed record SelectField(
    string Id,
    string Name,
    string Label,
    IReadOnlyList<string> Options,
    string? Value,
    string Placeholder,
    string? Autocomplete = null);

// 同意のチェックボックス。読むべき文書へのリンクとエラーを一緒に描く (_Checkbox)
internal sealed record Checkbox(string Id, string Name, string Label, bool Checked, string DocumentUrl, string DocumentLinkText);
