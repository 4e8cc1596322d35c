namespace MyPage.Data;

// ID・パスワードは合ったが、まだワンタイムパスワードを待っているログイン。ブラウザの Cookie の参照のハッシュで引く。
// コードはハッシュ（サイトの鍵の HMAC）だけを持つ。一度使うか、誤りが続くか、期限が来れば終わる。
internal class PendingLogin
{
    public required string Id { get; set; }
    public required string SeekerId { get; set; }
    public required string CodeHash { get; set; }
    // 「再送する」で置き換えた前のコードのハッシュ（, 区切り）。前のメールのコードには「新しいメールを送った」と答えるため
    public string? ReplacedCodeHashes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    // 今のコードを送った時刻と、このログインの期限（再送でも延びない）。MailSent: 1時間あたりの上限で送らなかったときは false
    public DateTimeOffset CodeSentAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public bool MailSent { get; set; }
    public int FailedAttempts { get; set; }
    public int Resends { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? VoidedAt { get; set; }

    // 始めたときの求職者のセキュリティスタンプ（パスワードを変えると変わる）。違えば、コードも再送も受け付けない
    public string? SecurityStamp { get; set; }

    // ログインが済んだら戻る画面（検査済み）
    public string? ReturnUrl { get; set; }
}

// 求職者がログインに使ったブラウザ。ブラウザの Cookie は推測できない id だけを持ち、ここにはその鍵付きのタグを置く。
// 「ログインのお知らせ」（初めてのブラウザ）と、ワンタイムパスワードを省略してよいブラウザ (TrustedUntil) に使う。
internal class SeekerBrowser
{
    public long Id { get; set; }
    public required string SeekerId { get; set; }
    public required string BrowserTag { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? TrustedUntil { get; set; }
}

// ログイン履歴の一件（求職者情報・設定の「ログイン履歴」）
internal class LoginRecord
{
    public long Id { get; set; }
    public required string SeekerId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Method { get; set; }
    public required string Browser { get; set; }
    public required string Client { get; set; }
}
