namespace MyPage.Pages.Settings;

// 「求職者情報・設定」の「ログインの安全」: ログイン履歴、ワンタイムパスワードを省略するブラウザ、他の端末からのログアウト
internal static class SecurityTexts
{
    public const string Title = "ログインの安全";
    public const string Intro = "最近のログインと、ログインに使っているブラウザを確かめられます。心当たりのないログインがあれば、パスワードを再登録してから「他の端末からログアウトする」ボタンを押してください。";
    public const string SettingsLink = "ログイン履歴とログイン中の端末を確かめる（ログインの安全）";

    public const string HistoryTitle = "ログイン履歴";
    public static string HistoryIntro(int count) => $"最近{count}回までのログインです（日本時間）。接続元のアドレスは、最後の部分を伏せています。";
    public const string NoHistory = "ログインの記録はまだありません。";
    public const string HistoryAt = "日時";
    public const string HistoryMethod = "方法";
    public const string HistoryBrowser = "ブラウザ";
    public const string HistoryClient = "接続元";

    public const string TrustedTitle = "ワンタイムパスワードを省略するブラウザ";
    public const string TrustedIntro = "ログインのときに「次回から一定期間ワンタイムパスワードの入力を省略する」を選んだブラウザです。心当たりのないブラウザや、もう使わないブラウザは「解除」してください。";
    public const string NoTrusted = "ワンタイムパスワードを省略しているブラウザはありません。";
    public static string TrustedEntry(string browser, string lastUsed, string until) => $"{browser}、最後のログイン {lastUsed}、{until}まで省略";
    public const string ThisBrowser = "（このブラウザ）";
    public const string Untrust = "解除";
    public static string Untrusted(string browser, string lastUsed) => $"{browser}（最後のログイン {lastUsed}）の省略を解除しました。そのブラウザでは、次のログインからワンタイムパスワードが必要です。";
    // 「解除」ボタンの名前に足す（同じ種類のブラウザが二つあっても聞き分けられるように）
    public static string UntrustWhich(string browser, string lastUsed) => $"（{browser}、最後のログイン {lastUsed}）";

    public const string DevicesTitle = "ログイン中の端末";
    public static string DeviceEntry(string browser, string signedIn, string lastUsed) => $"{browser}、ログイン {signedIn}、最後の操作 {lastUsed}ごろ";
    public const string OthersTitle = "他の端末からログアウトする";
    public const string OthersIntro = "このブラウザ以外でのログインをすべて終わらせ、ワンタイムパスワードの入力を待っているログインとまだ使っていない認証キーを無効にし、ワンタイムパスワードを省略するブラウザもすべて解除します。このブラウザのログインは続きます。";
    public const string SignOutPasswordHint = "確認のため、いまのパスワードを入力してください。";
    public const string SignOutOthers = "他の端末からログアウトする";
    public static string SignedOutOthers(int sessions) => sessions == 0
        ? "ほかの端末でのログインはありませんでした。ワンタイムパスワードを省略するブラウザは、すべて解除しました。"
        : $"ほかの端末でのログイン{sessions}件を終わらせ、ワンタイムパスワードを省略するブラウザをすべて解除しました。";
}
