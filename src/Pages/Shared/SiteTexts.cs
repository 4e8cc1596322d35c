namespace MyPage.Pages.Shared;

// サイト全体と、トップページ・エラー画面の文言
internal static class Site
{
    public const string Name = "ハローワークインターネットサービス";
    public const string LogInButton = "求職者マイページにログイン";
    public const string ToTop = "トップページへ";

    public const string NotFoundTitle = "ページが見つかりません";
    public const string NotFound = "お探しのページは見つかりませんでした。アドレスをご確認いただくか、トップページからお進みください。";
    public const string ExpiredTitle = "画面の有効期限が切れました";
    public const string Expired = "お手数ですが、前の画面に戻ってもう一度操作してください。";
    public const string BackToForm = "入力の画面に戻る";
    public const string HttpsRequiredTitle = "HTTPS でアクセスしてください";
    public const string HttpsRequired = "求職者マイページは、暗号化された接続 (https://) でだけ利用できます。アドレスが https:// で始まっているかをご確認ください。";
    public const string UnreadableTitle = "送信された内容を受け付けられませんでした";
    public const string Unreadable = "送信された内容が大きすぎるか、正しい形ではありませんでした。お手数ですが、前の画面に戻ってもう一度操作してください。";
    public const string NotAllowedTitle = "この操作は受け付けられません";
    public const string NotAllowed = "お手数ですが、トップページからもう一度操作してください。";
    public const string ErrorTitle = "エラーが発生しました";
    public const string TooManyTitle = "送信が多すぎます";
    public static string TooMany(int seconds) => $"短い時間に、この接続元から多くの送信がありました。{seconds}秒ほど待ってから、ブラウザの「戻る」で前の画面に戻り、もう一度お試しください。入力した内容は送られていません。";
    public const string Error = "申し訳ございません。ただいま処理を完了できませんでした。しばらく時間をおいてから、もう一度お試しください。";
}
