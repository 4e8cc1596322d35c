namespace MyPage.Pages.Shared;

// 画面上部のエラーのまとめに並べる一件。FieldId があればその入力欄へのリンクになる。
public sealed record FormError(string? FieldId, string Message);
