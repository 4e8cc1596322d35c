using MyPage.Mail;
using MyPage.Time;

namespace MyPage.OneTimePassword;

internal static class OneTimePasswordMails
{
    public const string Subject = "ワンタイムパスワードのお知らせ";

    // コードは送るときに MailText.Secret の所へ入る（送信待ちの間、データベースには保護した形でだけ置く）
    public static string Body(DateTimeOffset expiresAt) => $"""
        求職者マイページへのログインのワンタイムパスワードをお知らせします。
        「ワンタイムパスワード入力」画面で次の数字を入力し、「送信」ボタンを押してください。

        ワンタイムパスワード：{MailText.Secret}

        このワンタイムパスワードは {JapanTime.Format(expiresAt)} まで有効です。一度使うと使えなくなります。

        ログインしようとしていないのにこのメールが届いた場合は、第三者があなたのパスワードを知っているおそれがあります。
        このワンタイムパスワードは誰にも教えず、「求職者マイページログイン」画面の「パスワードをお忘れの方」から、
        すぐにパスワードを再登録してください。
        """;
}
