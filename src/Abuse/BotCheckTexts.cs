namespace MyPage.Abuse;

// 人の確認の文言（スクリーンリーダーでもそのまま読める、見る・聞くパズルのない確認）
public static class BotCheckTexts
{
    public const string Heading = "送信の前に確認しています";
    public const string Why = "この接続元から短い時間に多くの送信があったため、人による操作かを確認しています。操作は要りません。";
    public const string Working = "確認しています。しばらくお待ちください…";
    public const string Done = "確認できました。";
    public const string WaitThenSend = "確認が終わりしだい、送信します。";
    public static string NoScript(string japanTime) => $"この確認には JavaScript が必要です。JavaScript を有効にしてから、もう一度送信してください。JavaScript を使わない場合は、{japanTime}以降にもう一度お試しください。";
    public const string NoScriptNoTime = "この確認には JavaScript が必要です。JavaScript を有効にしてから、もう一度送信してください。";
    public const string Failed = "確認できませんでした（時間がたったか、同じ確認が二度使われました）。もう一度送信してください。";
    public const string Unavailable = "いま確認を行えませんでした。しばらく時間をおいてから、もう一度送信してください。";
    public const string ScriptFailed = "確認を始められませんでした。ページを読み込み直してから、もう一度お試しください。";
}
