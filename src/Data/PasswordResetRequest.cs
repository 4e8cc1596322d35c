namespace MyPage.Data;

// 「求職者マイページパスワード再登録」画面での申込み一件。認証キーはハッシュだけを持つ。
// 登録のないIDにも行を作る（SeekerId は null、どの認証キーも合わない）ので、画面からは区別できない。
internal class PasswordResetRequest
{
    // ブラウザの Cookie に入れた参照のハッシュ（参照そのものは持たない）
    public required string Id { get; set; }
    public string? SeekerId { get; set; }
    public required string KeyHash { get; set; }

    // 時間あたりの上限を数えるための、正規化したIDと接続元のハッシュ
    public required string LoginIdTag { get; set; }
    public required string ClientTag { get; set; }
    public bool MailQueued { get; set; }

    // その ID で前にログインしたブラウザからの申込み（他人に使い切られない、そのブラウザだけの枠で数える）
    public bool KnownBrowser { get; set; }

    // 申し込んだブラウザのタグ（ブラウザの Cookie があれば）。そのブラウザの枠と、同じブラウザの前のキーを無効にするのに使う
    public string? BrowserTag { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? VoidedAt { get; set; }
}
