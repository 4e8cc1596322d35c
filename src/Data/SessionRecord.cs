namespace MyPage.Data;

// サーバー側に置くログインセッション。Cookie は鍵だけを持つので、
// 行を消せばそのセッションはすぐに終わる（ログアウト、パスワード再登録）。
public class SessionRecord
{
    public required string Id { get; set; }
    public string? SeekerId { get; set; }
    public required byte[] Ticket { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
}
