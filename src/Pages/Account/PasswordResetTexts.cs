using MyPage.Account;

namespace MyPage.Pages.Account;

// パスワード再登録（S2〜S4）の文言。マニュアル 3.1「パスワードを忘れた場合」の言葉どおり。
internal static class PasswordResetTexts
{
    public const string RequestTitle = "求職者マイページパスワード再登録";
    public const string RequestHeading = "パスワードを忘れた方へ";
    public const string Cancel = "キャンセル";
    public const string Next = "次へ進む";

    public const string ResetTitle = "パスワード再登録";
    public const string NewPasswordLabel = "新しいパスワード";
    public const string ConfirmLabel = "新しいパスワード(確認用)";
    public const string KeyLabel = "認証キー";
    public const string KeyHint = "「パスワード再登録申込受付通知」メールに記載された8桁の数字";
    public const string Complete = "完了";

    public const string DoneTitle = "パスワード再登録完了";
    public const string Done = "新しいパスワードが設定されました。新しいパスワードでログインしてください。";

    public const string IdInvalid = "ID(メールアドレス)の形式が正しくありません。ご確認ください。";
    public static readonly IdMessages IdMessages = new(LoginTexts.IdRequired, LoginTexts.IdTooLong, IdInvalid);
    public const string ConfirmRequired = "新しいパスワード(確認用)を入力してください。";
    public const string ConfirmMismatch = "新しいパスワードと新しいパスワード(確認用)が一致しません。";
    public const string KeyRequired = "認証キーを入力してください。";
    public const string KeyFormat = "認証キーは、メールに記載された8桁の数字で入力してください。";
    public const string KeyWrong = "認証キーが正しくありません。「パスワード再登録申込受付通知」メールに記載された認証キーを入力してください。";
    public const string KeyReplaced = "新しいメールを送ったため、この認証キーは使えなくなりました。最新の「パスワード再登録申込受付通知」メールの認証キーを入力してください。";
    public const string KeyVoid = "認証キーが無効になりました。「パスワード再登録申込受付通知」メールが配信されてから50分を過ぎたか、認証キーを5回誤って入力したか、新しい認証キーが発行されています。はじめからパスワード再登録をやり直してください。";
    public const string StartOver = "パスワード再登録の申込みが見つかりません。「パスワード再登録」画面を閉じた場合は、「パスワードをお忘れの方」から再度やり直してください。";

    public const string DoNotClose = "登録を完了する前に「パスワード再登録」画面を閉じないでください。閉じてしまった場合は、「パスワードをお忘れの方」から再度やり直してください。";

    public static string NoMailHelp(string from) =>
        $"しばらく経ってもメールが届かない場合は、メール受信制限の設定内容と入力したメールアドレスが正しいかをご確認ください(メール配信から50分以内)。メール受信制限をされている方は、{from}からのメール受信を許可し、はじめからパスワード登録申込をやり直してください。";

    public const string ResetCookie = "__Host-mypage-reset";
}
