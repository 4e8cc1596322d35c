namespace MyPage.Pages.Messages;

// 「メッセージ」の文言
internal static class MessageTexts
{
    public const string Title = "メッセージ";
    public const string Unread = "未読";
    public const string UnreadTotal = "新着メッセージ：";
    public const string JobMessages = "この求人に関するメッセージ";
    public const string BackToList = "メッセージの一覧へ戻る";
    public const string ToList = "メッセージの一覧へ";
    public static string DetailTitle(string subject) => $"{Title}：{subject}";
}
