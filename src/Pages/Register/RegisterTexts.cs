using MyPage.Account;

namespace MyPage.Pages.Register;

// 「求職者マイページを開設する」（マニュアル 2章）の文言
internal static class RegisterTexts
{
    public const string Open = "求職者マイページを開設する";
    public const string ProvisionalTitle = "求職者マイページを開設する（仮登録）";
    public const string SentTitle = "仮登録を受け付けました";
    public const string CompleteTitle = "求職者マイページを開設する（本登録）";
    public const string DoneTitle = "求職者マイページを開設しました";

    public const string EmailLabel = "メールアドレス";
    public const string EmailHint = "半角英数字100文字以内。このメールアドレスが求職者マイページのID(メールアドレス)になります。";
    public const string EmailRequired = "メールアドレスを入力してください。";
    public const string EmailTooLong = "メールアドレスは100文字以内で入力してください。";
    public const string EmailInvalid = "メールアドレスの形式が正しくありません。ご確認ください。";
    public static readonly IdMessages EmailMessages = new(EmailRequired, EmailTooLong, EmailInvalid);
    public const string TermsLabel = "利用規約に同意する";
    public const string PrivacyLabel = "個人情報の取扱いに同意する";
    public const string TermsRequired = "利用規約をお読みいただき、同意する場合はチェックを入れてください。";
    public const string PrivacyRequired = "個人情報の取扱いをお読みいただき、同意する場合はチェックを入れてください。";
    public const string SendButton = "仮登録メールを送信する";
    public const string RegisterButton = "登録する";

    public const string PasswordLabel = "パスワード";
    public const string ConfirmLabel = "パスワード(確認用)";
    public const string ConfirmRequired = "パスワード(確認用)を入力してください。";
    public const string ConfirmMismatch = "パスワードとパスワード(確認用)が一致しません。";

    public const string AlreadyOpen = "この URL からの求職者マイページの開設は、すでに済んでいます。登録したメールアドレスとパスワードでログインしてください。";
    public const string GoToLogin = "求職者マイページログインへ";
    public const string LinkInvalid = "この URL は有効期限が切れたか、すでに使われています。お手数ですが、はじめから「求職者マイページを開設する」をやり直してください。";
    public const string EmailTaken = "このメールアドレスの求職者マイページはすでに開設されています。ログインできない場合は「パスワードをお忘れの方」からパスワードを再登録してください。";
}
