using MyPage.Time;

namespace MyPage.Passkeys;

// パスキーの登録と削除のお知らせ（いつ、どのブラウザから、心当たりがない場合にすること）
internal static class PasskeyMails
{
    public const string RegisteredSubject = "パスキー登録のお知らせ";
    public const string DeletedSubject = "パスキー削除のお知らせ";

    // パスキーの名前は、登録したブラウザと OS
    public static string RegisteredBody(DateTimeOffset at, string browser, string client) => $"""
        求職者マイページに、パスキーが登録されました。これからは、このパスキーで、パスワードとワンタイムパスワードを入力せずにログインできます。

        日時：{JapanTime.Format(at)}
        登録したブラウザ（パスキーの名前）：{browser}
        接続元：{client}

        心当たりがない場合：
        1. 「求職者マイページログイン」画面の「パスワードをお忘れの方」から、すぐにパスワードを再登録してください（パスワードを再登録しても、パスキーは残ります）。
        2. 新しいパスワードでログインし、「求職者情報・設定」の「ログインの安全」で、心当たりのないパスキーを「削除」してから、「他の端末からログアウトする」ボタンを押してください。
        3. お近くのハローワークにご連絡ください。

        ご自身の登録であれば、このメールへの対応は要りません。
        """;

    public static string DeletedBody(DateTimeOffset at, string passkey, string browser, string client) => $"""
        求職者マイページから、パスキーが削除されました。このパスキーでは、もうログインできません。

        日時：{JapanTime.Format(at)}
        削除したパスキー：{passkey}
        削除したブラウザ：{browser}
        接続元：{client}

        心当たりがない場合：
        1. 「求職者マイページログイン」画面の「パスワードをお忘れの方」から、すぐにパスワードを再登録してください。
        2. 新しいパスワードでログインし、「求職者情報・設定」の「ログインの安全」で「他の端末からログアウトする」ボタンを押してください。
        3. お近くのハローワークにご連絡ください。

        ご自身の操作であれば、このメールへの対応は要りません。
        """;
}
