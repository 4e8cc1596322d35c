using System.Globalization;

namespace MyPage.Abuse;

// 人の確認の文言（スクリーンリーダーでもそのまま読める、見る・聞くパズルのない確認）
internal static class BotCheckTexts
{
    public const string Heading = "送信の前に確認しています";
    public const string Why = "この接続元から短い時間に多くの送信があったため、人による操作かを確認しています。";
    public const string Working = "確認しています。しばらくお待ちください…";
    public const string Done = "確認できました。";
    public const string WaitThenSend = "確認が終わりしだい、送信します。";
    // 計算が長引くとき: 5秒ごとの進み具合（{0} はブラウザが入れる秒数）と、15秒を過ぎてからの待つ確認への切り替え
    public const string ProgressTemplate = "確認しています（約{0}秒経過）。";
    public static string Progress(int seconds) => ProgressTemplate.Replace("{0}", seconds.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    public const string SwitchToWait = "時刻まで待つ方法に切り替える";
    public const string Offer = "時間がかかっています。「" + SwitchToWait + "」を押すと、決まった時刻から送信できます。";
    public const string WaitReady = "時刻になりました。ボタンを押せます。";
    // JavaScript のないブラウザ: 待つ確認 (WaitCheck)
    public static string Wait(string time, TimeSpan left) => $"このボタンは {time} から押せます（{About(left)}）。その時刻を過ぎてから、もう一度押してください。";
    public static string TooEarly(string time) => $"まだ押せません。このボタンは {time} から押せます。";
    public const string WaitFailed = "確認できませんでした（時間がたったか、同じ確認が二度使われたか、あとから新しい確認が出ています）。下の時刻を過ぎてから、もう一度押してください。";

    private static string About(TimeSpan left) => left <= TimeSpan.FromSeconds(90)
        ? $"約{Math.Max(1, (int)Math.Ceiling(left.TotalSeconds))}秒後"
        : $"約{(int)Math.Ceiling(left.TotalMinutes)}分後";
    public const string Failed = "確認できませんでした（時間がたったか、同じ確認が二度使われました）。もう一度送信してください。";
    public const string Unavailable = "いま確認を行えませんでした。しばらく時間をおいてから、もう一度送信してください。";
    public const string ScriptFailed = "確認を始められませんでした。ページを読み込み直してから、もう一度お試しください。";
}
