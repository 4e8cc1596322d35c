namespace MyPage.Pages.Shared;

// 画面上部のエラーのまとめに並べる一件。FieldId があればその入力欄へのリンクになる。
public sealed record FormError(string? FieldId, string Message);

// エラーのまとめを出す画面のページモデル。Errors があれば _Layout が title の先頭に「エラー：」を付ける。
public interface IFormPage
{
    List<FormError> Errors { get; }
}
