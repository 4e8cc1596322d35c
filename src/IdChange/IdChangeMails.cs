using MyPage.Mail;
using MyPage.Time;

namespace MyPage.IdChange;

// ID(メールアドレス)の変更のメール。確認は新しいアドレスへ、完了の通知は前と新しい両方のアドレスへ
internal static class IdChangeMails
{
    public const string ConfirmSubject = "ID(メールアドレス)変更の確認";
    public const string ChangedSubject = "ID(メールアドレス)変更完了通知";

    // 認証キーは送るときに MailText.Secret の所へ入る（送信待ちの間、データベースには保護した形でだけ置く）
    public static string ConfirmBody(DateTimeOffset expiresAt) => $"""
        求職者マイページの「ID(メールアドレス)の変更」で、ID(メールアドレス)をこのメールアドレスに変更する申込みがありました。
        「ID(メールアドレス)変更の確認」画面で、次の「認証キー」を入力し、「変更する」ボタンをクリックしてください。
        認証キーを入力するまで、ID(メールアドレス)は変わりません。

        認証キー：{MailText.Secret}

        この認証キーは {JapanTime.Format(expiresAt)} まで有効です（メール配信から50分以内）。
        50分以内に操作をしないと、認証キーが無効になります。認証キーが無効になった場合は、はじめから「ID(メールアドレス)の変更」をやり直してください。

        このメールにお心当たりがない場合は、このメールを破棄してください。何も変わりません。
        """;

    // 新しいアドレスが、もうほかの求職者マイページの ID のとき（画面は同じ。このアドレスの持ち主にだけ、そう伝える）
    public static string InUseBody(DateTimeOffset at) => $"""
        {JapanTime.Format(at)} に、求職者マイページの「ID(メールアドレス)の変更」で、ID(メールアドレス)をこのメールアドレスに変更する申込みがありました。
        このメールアドレスは、すでに求職者マイページのID(メールアドレス)として使われているため、変更は行いません。
        このメールアドレスの求職者マイページも、何も変わりません。

        このメールにお心当たりがない場合は、このメールを破棄してください。
        """;

    // 変更したもの: 日時、ブラウザと接続元（窓口での変更ならどちらも null）、マイナポータルと連携していればその時刻。
    // 前のアドレスへのメールには、新しいアドレスを書かない（前のアドレスを手放した先で読まれても、新しいアドレスは知られない）。
    // 元に戻すリンクも入れない（メールのリンクで ID を動かせれば、前のメールボックスを持つ人が取り戻せてしまう）
    public sealed record Change(DateTimeOffset At, string? Browser, string? Client, DateTimeOffset? LinkedSince);

    public static string ChangedBodyForOld(Change change) => $"""
        {JapanTime.Format(change.At)} に、求職者マイページのID(メールアドレス)を、このメールアドレスから別のメールアドレスに変更しました。
        このメールアドレスでは、もうログインできません。

        {Details(change)}

        この変更にお心当たりがない場合：
        ID(メールアドレス)が変わったため、「パスワードをお忘れの方」からパスワードを再登録することはできません。
        {(change.LinkedSince is { } since
            ? $"この求職者マイページは {JapanTime.Format(since)} からマイナポータルと連携しています。マイナポータルの「もっとつながる」から求職者マイページにログインし、「求職者情報・設定」の「ID(メールアドレス)の変更」で、このメールアドレスに戻してください。そのあと、お近くのハローワークにご連絡ください。"
            : "お近くのハローワークにご連絡ください（「ID(メールアドレス)を忘れた場合」と同じく、窓口で本人を確認して、ID(メールアドレス)を戻します）。")}
        """;

    public static string ChangedBodyForNew(Change change) => $"""
        {JapanTime.Format(change.At)} に、求職者マイページのID(メールアドレス)を、このメールアドレスに変更しました。
        次回からは、このメールアドレスでログインしてください。パスワードは変わりません。

        {Details(change)}

        この変更にお心当たりがない場合は、お近くのハローワークにご連絡ください。
        """;

    private static string Details(Change change) => $"""
        日時：{JapanTime.Format(change.At)}
        {(change.Browser is { } browser ? $"ブラウザ：{browser}\n接続元：{change.Client}" : "操作：ハローワークの窓口（職員による変更）")}
        ほかの端末でのログインは、すべて終了しました。ワンタイムパスワードを省略していたブラウザも、すべて解除しました。
        """;
}
