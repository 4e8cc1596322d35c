namespace MyPage.Pages.Shared;

// 求人票（_JobCard）と「詳細を表示」の文言（マニュアルの求人の並び）
internal static class JobTexts
{
    public const string DetailTitle = "求人の詳細";
    public const string Open = "有効";
    public const string Closed = "紹介期限切れ";
    public const string JobMessages = "この求人に関するメッセージを表示";
    public const string Detail = "詳細を表示";
    public const string CompanyHidden = "（この求人は事業所名を公開していません）";
}
