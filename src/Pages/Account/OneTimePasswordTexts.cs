namespace MyPage.Pages.Account;

// 「ワンタイムパスワード入力」画面の文言（実際のサービスの言葉: ワンタイムパスワード、送信、省略する）
internal static class OneTimePasswordTexts
{
    public const string Title = "ワンタイムパスワード入力";
    public const string Label = "ワンタイムパスワード";
    public const string Submit = "送信";
    public const string Resend = "ワンタイムパスワードを再送する";
    public const string Trust = "次回から一定期間ワンタイムパスワードの入力を省略する";

    public static string Sent(string address) => $"ID(メールアドレス)「{address}」に「ワンタイムパスワードのお知らせ」メールを送りました。";
    public const string Instructions = "メールに記載されたワンタイムパスワードを入力し、「送信」ボタンを押してください。";
    public static string ValidUntil(string japanTime) => $"ワンタイムパスワードの有効期限：{japanTime}まで";
    public static string Hint(int length) => $"メールに記載された{length}桁の数字";
    public static string TrustHint(int days) => $"このブラウザでは、{days}日間ワンタイムパスワードを入力せずにログインできます。共用のパソコンでは選ばないでください。「求職者情報・設定」の「ログインの安全」からいつでも解除できます。";

    public const string Required = "ワンタイムパスワードを入力してください。";
    public static string Format(int length) => $"ワンタイムパスワードは、メールに記載された{length}桁の数字で入力してください。";
    public static string Wrong(int remaining, bool locks) => $"ワンタイムパスワードが正しくありません。{Then(remaining, locks)}";
    public static string Replaced(int remaining, bool locks) => $"新しいメールを送ったため、このワンタイムパスワードは使えなくなりました。最新のメールをご確認ください。{Then(remaining, locks)}";

    // 次に誤ると何が起きるか: 先に来るほう（アカウントのロックは、パスワードの誤りと合わせて数える）
    private static string Then(int remaining, bool locks) => locks
        ? $"あと{remaining}回誤ると、アカウントがロックされます（パスワードとワンタイムパスワードの誤りを合わせて数えます）。"
        : $"あと{remaining}回誤ると、このワンタイムパスワードは使えなくなります。";
    public const string Void = "ワンタイムパスワードが使えなくなりました。有効期限が過ぎたか、5回誤って入力したか、すでに使われています。もう一度ログインしてください。";
    public const string StartOver = "ワンタイムパスワードを待っているログインが見つかりません。ブラウザを閉じた場合や、時間がたった場合は、もう一度ログインしてください。";
    public static string Expired(string japanTime) => $"ワンタイムパスワードの有効期限（{japanTime}まで）が過ぎました。もう一度ログインしてください。";
    public const string BackToLogin = "ログイン画面へ戻る";

    public const string Resent = "新しいワンタイムパスワードを送りました。前のワンタイムパスワードは使えません。";
    public const string ResendLimit = "ワンタイムパスワードを再送できる回数を超えました。届いているメールのワンタイムパスワードを入力するか、しばらく時間をおいてから、もう一度ログインしてください。";
    public const string NotSent = "短い時間にワンタイムパスワードのメールを何度も送ったため、今回はメールを送っていません。";
    public static string NextMailAt(string japanTime) => $"次にワンタイムパスワードのメールを送れるのは、{japanTime}からです。その時刻を過ぎてから、もう一度ログインしてください。";
    public const string OtherWays = "それより前にログインするには、マイナポータルと連携していればマイナポータルから（ワンタイムパスワードは要りません）、または「次回から一定期間ワンタイムパスワードの入力を省略する」を選んだことのあるブラウザからログインしてください。";
    public const string CountsTowardsLock = "ワンタイムパスワードの誤りも、パスワードの誤りと同じに数えます。続けて5回誤るとアカウントがロックされます。";

    public const string NoMailHeading = "メールが届かない場合";
    public static string NoMailHelp(string from) =>
        $"メールが届くまで数分かかることがあります。迷惑メールのフォルダーも確認してください。メール受信制限をされている方は、{from}からのメール受信を許可してから「{Resend}」ボタンを押してください。";
    public const string NoMailOther = "ID(メールアドレス)のメールを受け取れなくなった場合は、お近くのハローワークにご相談ください。マイナポータルと連携していれば、マイナポータルからはワンタイムパスワードなしでログインできます。";
    public const string NotYouHeading = "ログインしようとしていないのにメールが届いた場合";
    public const string NotYou = "第三者があなたのパスワードを知っているおそれがあります。ワンタイムパスワードは誰にも教えず、「パスワードをお忘れの方」から、すぐにパスワードを再登録してください。";
}
