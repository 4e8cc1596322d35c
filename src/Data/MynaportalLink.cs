namespace MyPage.Data;

// マイナポータルとの連携（属性連携）。(発行者, 利用者識別子 sub) で結びつけ、メールアドレスでは結びつけない。
// 一人の求職者に一つ、一つの sub に一人（どちらもデータベースの一意制約で守る）。
internal class MynaportalLink
{
    public required string SeekerId { get; set; }
    public required string Issuer { get; set; }
    public required string Subject { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}

// マイナポータルから来たが連携が見つからなかったサインイン（「属性連携不整合確認」）。このブラウザの Cookie の参照のハッシュで引く。
// このブラウザで求職者がログインすると SeekerId が入り、本人が「連携する」を押すまで待つ。長く待たない (ExpiresAt: 5分)。
internal class PendingMynaportalSignIn
{
    public required string Id { get; set; }
    public required string Issuer { get; set; }
    public required string Subject { get; set; }

    // マイナポータルの利用者の名前（連携するかを本人に確かめる画面に出す）
    public string? Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string? SeekerId { get; set; }
}
