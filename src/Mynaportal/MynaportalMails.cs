using MyPage.Time;

namespace MyPage.Mynaportal;

internal static class MynaportalMails
{
    public const string LinkedSubject = "マイナポータル連携完了通知";
    public const string UnlinkedSubject = "マイナポータル連携解除通知";

    public static string LinkedBody(DateTimeOffset at) => $"""
        {JapanTime.Format(at)} に、求職者マイページとマイナポータルを連携しました。
        これからは、マイナポータルの「もっとつながる」から求職者マイページにログインできます。

        この操作にお心当たりがない場合は、求職者マイページの「求職者情報・設定」で連携を解除し、
        パスワードを再登録したうえで、お近くのハローワークにご連絡ください。
        """;

    public static string UnlinkedBody(DateTimeOffset at) => $"""
        {JapanTime.Format(at)} に、求職者マイページとマイナポータルの連携を解除しました。
        マイナポータルから求職者マイページにログインするには、もう一度連携してください。

        この操作にお心当たりがない場合は、パスワードを再登録したうえで、お近くのハローワークにご連絡ください。
        """;
}
