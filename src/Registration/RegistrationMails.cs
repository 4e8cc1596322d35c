using MyPage.Mail;
using MyPage.Time;

namespace MyPage.Registration;

internal static class RegistrationMails
{
    public const string ProvisionalSubject = "求職者マイページ仮登録受付通知";
    public const string AlreadyRegisteredSubject = "求職者マイページ登録済みのお知らせ";
    public const string CompletedSubject = "求職者マイページ開設完了通知";
    public const string WithdrawnSubject = "求職者マイページ退会完了通知";

    // 本登録の URL（鍵を含む）は送るときに MailText.Secret の所へ入る
    public static string ProvisionalBody(DateTimeOffset expiresAt) => $"""
        求職者マイページの開設（仮登録）を受け付けました。
        次の URL を開き、本登録を行ってください。

        {MailText.Secret}

        この URL は {JapanTime.Format(expiresAt)} まで有効です（仮登録から24時間）。
        有効期限を過ぎた場合は、はじめから「求職者マイページを開設する」をやり直してください。

        このメールにお心当たりがない場合は、このメールを破棄してください。登録は行われません。
        """;

    public static string AlreadyRegisteredBody(string forgotPasswordUrl) => $"""
        このメールアドレスで「求職者マイページを開設する」の申込みがありましたが、
        このメールアドレスの求職者マイページはすでに開設されています。

        ログインできない場合は、「求職者マイページログイン」画面の「パスワードをお忘れの方」から
        パスワードを再登録してください。
        {forgotPasswordUrl}

        このメールにお心当たりがない場合は、このメールを破棄してください。
        """;

    public static string CompletedBody(DateTimeOffset at) => $"""
        {JapanTime.Format(at)} に、求職者マイページを開設しました（オンライン登録）。

        ハローワークで求職の申込みを完了すると、求職番号が発行され、求職者マイページで
        紹介などのサービスを受けられるようになります。お近くのハローワークに、
        本人確認書類（運転免許証、マイナンバーカードなど）をお持ちください。
        """;

    public static string WithdrawnBody(DateTimeOffset at) => $"""
        {JapanTime.Format(at)} に、求職者マイページを退会しました。
        登録されていた氏名、生年月日、住所、電話番号などの情報と、マイナポータルとの連携は削除しました。

        もう一度ご利用になる場合は、「求職者マイページを開設する」から新しく開設してください。
        この退会にお心当たりがない場合は、お近くのハローワークにご連絡ください。
        """;
}
