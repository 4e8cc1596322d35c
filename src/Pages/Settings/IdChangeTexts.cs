using MyPage.Account;

namespace MyPage.Pages.Settings;

// 「求職者情報・設定」の「ID(メールアドレス)の変更」と、認証キーを入れる「ID(メールアドレス)変更の確認」の文言
internal static class IdChangeTexts
{
    public const string Title = "ID(メールアドレス)の変更";
    public const string Intro = "ID(メールアドレス)は、ログイン、認証キー、ワンタイムパスワード、お知らせのメールのすべてに使います。メールアドレスを変えるときは、ここで新しいメールアドレスに変更してください。";
    public const string SettingsLink = "ID(メールアドレス)を変更する";
    public const string CurrentLabel = "いまのID(メールアドレス)";

    public const string NewIdLabel = "新しいID(メールアドレス)";
    public const string ConfirmIdLabel = "新しいID(メールアドレス)(確認用)";
    public const string NewIdHint = "半角で入力してください（例：name@example.jp）。このメールアドレスに「ID(メールアドレス)変更の確認」メールを送ります。";
    public const string PasswordHint = "確認のため、いまのパスワードを入力してください。";
    public const string Next = "次へ進む";

    // マイナポータルからログインして10分以内は、パスワードの代わりになる
    public static string MynaportalInsteadOfPassword(string until) =>
        $"マイナポータルからログインして10分以内のため、パスワードの入力は要りません（{until}まで）。";
    public const string MynaportalTooOld = "マイナポータルからログインして10分を過ぎたため、パスワードの入力が必要です。いまのパスワードを入力するか、もう一度マイナポータルからログインしてください。";

    public const string NewIdRequired = "新しいID(メールアドレス)を入力してください。";
    public const string NewIdTooLong = "新しいID(メールアドレス)は254文字以内で入力してください。";
    public const string NewIdInvalid = "新しいID(メールアドレス)の形が正しくありません。メールアドレスを、半角で入力してください（例：name@example.jp）。";
    public static readonly IdMessages NewIdMessages = new(NewIdRequired, NewIdTooLong, NewIdInvalid);
    public const string ConfirmRequired = "新しいID(メールアドレス)(確認用)を入力してください。";
    public const string ConfirmMismatch = "新しいID(メールアドレス)と新しいID(メールアドレス)(確認用)が一致しません。";
    public const string SameAsNow = "新しいID(メールアドレス)が、いまのID(メールアドレス)と同じです。";
    public static string TooMany(int perHour, string from) =>
        $"「ID(メールアドレス)変更の確認」メールを送れるのは、1時間に{perHour}通までです。{from}以降に、もう一度お試しください。";
    public static string Waiting(string address) => $"{address} への変更が、認証キーの入力を待っています。";
    public const string WaitingLink = "認証キーを入力する";

    // 認証キーを入れる画面
    public const string KeyTitle = "ID(メールアドレス)変更の確認";
    public static string KeySent(string address) =>
        $"{address} に「ID(メールアドレス)変更の確認」メールを送りました。メールに記載された「認証キー」を入力し、「変更する」ボタンをクリックしてください。";
    public static string KeyUntil(string until) => $"認証キーは {until} まで有効です（メール配信から50分以内）。変更するまでは、いまのID(メールアドレス)のままです。";
    public const string KeyLabel = "認証キー";
    public const string KeyHint = "「ID(メールアドレス)変更の確認」メールに記載された8桁の数字";
    public const string Change = "変更する";
    public const string KeyRequired = "認証キーを入力してください。";
    public const string KeyFormat = "認証キーは、メールに記載された8桁の数字で入力してください。";
    public const string KeyWrong = "認証キーが正しくありません。「ID(メールアドレス)変更の確認」メールに記載された認証キーを入力してください。";
    public const string KeyVoid = "認証キーが無効になりました。「ID(メールアドレス)変更の確認」メールが配信されてから50分を過ぎたか、認証キーを5回誤って入力したか、新しい変更の申込みをしています。はじめから「ID(メールアドレス)の変更」をやり直してください。";
    public const string NothingWaiting = "認証キーの入力を待っているID(メールアドレス)の変更はありません（メール配信から50分を過ぎたか、認証キーを5回誤ったか、変更が済んでいます）。変更するには、はじめから「ID(メールアドレス)の変更」をやり直してください。";
    public const string AddressTaken = "このメールアドレスは、ほかの求職者マイページのID(メールアドレス)になったため、変更できませんでした。別のメールアドレスで、はじめからやり直してください。";
    public const string StartOver = "はじめからやり直す";
    public const string NoMailHeading = "メールが届かない場合";
    public static string NoMailHelp(string from) =>
        $"しばらく経ってもメールが届かない場合は、メール受信制限の設定と、入力した新しいメールアドレスが正しいかをご確認ください。メール受信制限をされている方は、{from}からのメール受信を許可し、はじめからやり直してください。";

    public static string Changed(string address) =>
        $"ID(メールアドレス)を {address} に変更しました。次回からは、新しいID(メールアドレス)でログインしてください。ほかの端末でのログインは、すべて終了しました。";
}
