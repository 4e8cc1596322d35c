namespace MyPage.Pages.Settings;

// パスキーの言葉:「ログインの安全」の「パスキー」の欄と、ホームの登録のおすすめ（S1 の言葉は LoginTexts）
internal static class PasskeyTexts
{
    public const string Title = "パスキー";
    public const string Intro = "パスキーを登録すると、次からはパスワードとメールのワンタイムパスワードの代わりに、スマートフォンやパソコンのロック解除（指紋、顔、PIN など）だけでログインできます。";
    public const string Register = "パスキーを登録する";
    public const string PasswordHint = "確認のため、いまのパスワードを入力してください。";
    public const string Unsupported = "このブラウザでは、パスキーを登録できません。パスキーに対応したブラウザ（JavaScript を有効にしたもの）で、この画面を開いてください。";
    public const string Waiting = "ブラウザの案内に従って、この端末のロック解除（指紋、顔、PIN など）をしてください。";
    public const string RegisterFailed = "パスキーを登録できませんでした。もう一度お試しください。";
    public static string TooMany(int limit) => $"登録できるパスキーは{limit}個までです。使わなくなったパスキーを「削除」してから、登録してください。";

    public const string None = "登録したパスキーはありません。";
    public const string ListCaption = "登録したパスキー";
    public const string Name = "名前（登録したブラウザ）";
    public const string RegisteredAt = "登録日時";
    public const string LastUsedAt = "最終利用日時";
    public const string NeverUsed = "まだ使っていません";
    public const string Actions = "操作";
    public const string Delete = "削除";
    // 「削除」ボタンの名前に足す（同じブラウザで作ったパスキーが二つあっても聞き分けられるように）
    public static string DeleteWhich(string name, string registeredAt) => $"（{name}、{registeredAt}に登録したパスキー）";

    public const string Added = "パスキーを登録しました。次からは「求職者マイページログイン」画面の「パスキーでログイン」ボタンでログインできます。";
    public const string Deleted = "パスキーを削除しました。そのパスキーでは、もうログインできません。";

    // ホーム: ID・パスワードとワンタイムパスワードでログインしたあと、一度だけ
    public const string OfferTitle = "パスキーを登録しませんか";
    public const string OfferText = "次からは、パスワードとメールのワンタイムパスワードを入力せずに、この端末のロック解除（指紋、顔、PIN など）だけでログインできます。";
    public const string NotNow = "今はしない";
    public const string Later = "パスキーは、「求職者情報・設定」の「ログインの安全」から、いつでも登録できます。";
}
