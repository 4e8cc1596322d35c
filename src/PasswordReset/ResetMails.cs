using MyPage.Mail;
using MyPage.Time;

namespace MyPage.PasswordReset;

// パスワード再登録のメール（件名はマニュアルのとおり）
internal static class ResetMails
{
    public const string RequestSubject = "パスワード再登録申込受付通知";
    public const string CompletedSubject = "パスワード再登録完了通知";

    // 認証キーは送るときに MailText.Secret の所へ入る（送信待ちの間、データベースには保護した形でだけ置く）
    public static string RequestBody(DateTimeOffset expiresAt) => $"""
        求職者マイページのパスワード再登録の申込みを受け付けました。
        「パスワード再登録」画面で、新しいパスワードと次の「認証キー」を入力し、「完了」ボタンをクリックしてください。

        認証キー：{MailText.Secret}

        この認証キーは {JapanTime.Format(expiresAt)} まで有効です（メール配信から50分以内）。
        50分以内に操作をしないと、認証キーが無効になります。認証キーが無効になった場合は、はじめからパスワード再登録をやり直してください。

        このメールにお心当たりがない場合は、このメールを破棄してください。パスワードは変わりません。
        """;

    // linkedSince: マイナポータルと連携していればその時刻。再登録しても連携は残るので、知らない連携に気づけるように書く
    // passkeys: 登録してあるパスキー（名前と登録日時）。再登録しても残るので、知らないパスキーに気づけるように一覧を書く。
    // securityUrl: パスキーを「削除」できる「ログインの安全」の URL
    public static string CompletedBody(DateTimeOffset at, DateTimeOffset? linkedSince, IReadOnlyList<(string Name, DateTimeOffset RegisteredAt)> passkeys, string securityUrl) => $"""
        {JapanTime.Format(at)} に、求職者マイページのパスワードを再登録しました。
        新しいパスワードでログインしてください。ほかの端末でのログインは、すべて終了しました。

        {(linkedSince is { } since
            ? $"この求職者マイページは {JapanTime.Format(since)} からマイナポータルと連携しています。パスワードを再登録しても、連携はそのまま残ります。心当たりのない連携は、ログインして「求職者情報・設定」の「連携解除」ボタンで解除してください。"
            : "この求職者マイページは、マイナポータルと連携していません。")}

        {(passkeys.Count == 0
            ? "この求職者マイページには、パスキーが登録されていません。"
            : $"パスワードを再登録しても、次のパスキーは残り、これまでどおりログインに使えます。\n{string.Join("\n", passkeys.Select(p => $"・{p.Name}（{JapanTime.Format(p.RegisteredAt)} に登録）"))}\n心当たりのないパスキーは、ログインして「求職者情報・設定」の「ログインの安全」（{securityUrl}）で「削除」してください。")}

        この再登録にお心当たりがない場合は、第三者が操作したおそれがあります。
        「求職者マイページログイン」画面の「パスワードをお忘れの方」から、すぐにパスワードを再登録し、
        お近くのハローワークにご連絡ください。
        """;
}
