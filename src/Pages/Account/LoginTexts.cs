using MyPage.Account;

namespace MyPage.Pages.Account;

// 「求職者マイページログイン」画面の文言（マニュアル 3.1 の言葉どおり）
internal static class LoginTexts
{
    public const string Title = "求職者マイページログイン";
    public const string IdLabel = "ID(メールアドレス)";
    public const string PasswordLabel = "パスワード";
    public const string Submit = "ログイン";
    public const string ForgotPassword = "パスワードをお忘れの方";
    public const string ForgotId = "ID(メールアドレス)を忘れた場合";
    public const string LockedHelpHeading = "アカウントロックされ、ログインできない場合";

    public const string IdRequired = "ID(メールアドレス)を入力してください。";
    public const string IdTooLong = "ID(メールアドレス)は254文字以内で入力してください。";
    public const string IdInvalid = "ID(メールアドレス)の形が正しくありません。登録したメールアドレスを、半角で入力してください（例：name@example.jp）。";
    // メールアドレスの形でない ID は、どのアカウントにもならない: 照合もせず、回数にも数えない（形のことだけを伝えるので、ID の有無はわからない）
    public static readonly IdMessages IdMessages = new(IdRequired, IdTooLong, IdInvalid);
    public const string PasswordRequired = "パスワードを入力してください。";
    public const string PasswordTooLong = "パスワードは128文字以内で入力してください。";
    // パスワードの規則では使えない文字（全角、空白、半角の英数字と記号でないもの）: 正しいパスワードではありえないので、照合せず、
    // ロックの回数にも数えない（貼り付けた末尾の空白や、日本語入力のままの打ち間違いで締め出されない）
    public const string PasswordCharacters = "パスワードに全角文字または空白が含まれています。半角英数字と記号で入力してください。";

    // 存在しないIDでも、パスワードの誤りでも同じ文言（アカウント列挙の防止）
    public const string Failed = "ID(メールアドレス)またはパスワードが正しくありません。";

    // マニュアルの文言そのまま
    public const string Lockout = "ログイン時にパスワード入力を5回誤るとロックがかかりログインできなくなります。30分程度時間を空けてお試しください。";

    public static string RetryFrom(string japanTime) => $"{japanTime}以降に、もう一度お試しください。";
    public const string MynaportalHeading = "マイナポータルからログインする場合";
    public const string MynaportalSteps = "マイナポータルにログインして「もっとつながる」を開き、「つながっているウェブサイト」の「厚生労働省ハローワークインターネットサービス」をクリックすると、ID・パスワードを入力せずに求職者マイページホームが開きます。";
    public const string MynaportalLink = "マイナポータルを開く";
    // S2 と S7: メールボックスをなくしても、マイナポータルから入って ID を変えられる
    public const string ChangeIdByMynaportal = "マイナポータルと連携している方は、前のメールアドレスが使えなくなっていても、マイナポータルからログインし、「求職者情報・設定」の「ID(メールアドレス)の変更」で、新しいメールアドレスに変更できます。";
    public const string MynaportalFirst = "はじめて使う場合は、先にこの画面からログインし、「求職者情報・設定」の「マイナポータルとつなげる」で連携してください。";
    public const string LockedHeading = "アカウントがロックされています";
    public const string LockedByCodes = "ワンタイムパスワードの誤りも、パスワードの誤りと合わせて数えます。続けて5回誤ったため、ロックがかかりました。";
    public const string LockedByKeys = "ID(メールアドレス)の変更の認証キーの誤りも、パスワードの誤りと合わせて数えます。続けて5回誤ったため、ロックがかかりました。";
    public const string ResetUnlocks = "パスワードを再登録すると、すぐにロックが解除されます。";

    public const string SignedOutStatus = "signed-out";
    public const string SignedOut = "ログアウトしました。";
    public const string SessionEnded = "一定時間操作がなかったなどの理由で、ログアウトしました。もう一度ログインしてください。";
    // ほかの所で終えられたセッション（SessionEndings）: 時間切れとは言わず、本当の理由を
    public const string SignedOutElsewhere = "他の端末で「他の端末からログアウトする」が行われたため、ログアウトしました。続けて利用する場合は、もう一度ログインしてください。心当たりがない場合は、「パスワードをお忘れの方」からパスワードを再登録してください。";
    public const string PasswordWasReset = "パスワードが再登録されたため、ログアウトしました。新しいパスワードでログインしてください。";
    public const string WithdrawnElsewhere = "退会の手続きが行われたため、ログアウトしました。";
    public const string MynaportalUnlinked = "マイナポータルとの連携が解除されたため、ログアウトしました。続けて利用する場合は、もう一度ログインしてください。";
    public const string IdWasChanged = "ID(メールアドレス)が変更されたため、ログアウトしました。続けて利用する場合は、新しいID(メールアドレス)でログインしてください。心当たりがない場合は、「ID(メールアドレス)変更完了通知」メールの案内をご覧ください。";
    public static string SessionExpired(int hours) => $"ログインしてから{hours}時間がたったため、安全のためにログアウトしました。もう一度ログインしてください。";

    public const int PasswordMaxLength = 128;

    // パスキー（WebAuthn のあるブラウザでだけ、スクリプトが出す）
    public const string PasskeyLogin = "パスキーでログイン";
    public const string PasskeyOr = "パスワードの代わりに、この端末のロック解除（指紋、顔、PIN など）でログインすることもできます。";
    // 取り消した、時間切れ、この端末にパスキーがない、削除したパスキー、問題の期限切れ: どれも同じ文言（どのアカウントがあるかを明かさない）
    public const string PasskeyFailed = "パスキーでログインできませんでした。もう一度お試しいただくか、ID(メールアドレス)とパスワードでログインしてください。";
}
