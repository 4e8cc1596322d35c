using MyPage.Time;

namespace MyPage.Sessions;

// 初めてのブラウザからのログインのお知らせ
internal static class LoginMails
{
    public const string NewBrowserSubject = "ログインのお知らせ";

    public static string NewBrowserBody(DateTimeOffset at, string method, string browser, string client) => $"""
        これまでにお使いでなかったブラウザから、求職者マイページにログインがありました。

        日時：{JapanTime.Format(at)}
        ログインの方法：{method}
        ブラウザ：{browser}
        接続元：{client}

        心当たりがない場合：
        1. 「求職者マイページログイン」画面の「パスワードをお忘れの方」から、すぐにパスワードを再登録してください。
        2. 新しいパスワードでログインし、「求職者情報・設定」の「ログインの安全」で「他の端末からログアウトする」ボタンを押してください。
        3. お近くのハローワークにご連絡ください。

        ご自身のログインであれば、このメールへの対応は要りません。
        """;
}
