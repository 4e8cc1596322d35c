namespace MyPage.Data;

// サーバー側に置くログインセッション。Cookie は鍵だけを持つので、
// 行を消せばそのセッションはすぐに終わる（ログアウト、パスワード再登録）。
internal class SessionRecord
{
    public required string Id { get; set; }
    public string? SeekerId { get; set; }
    public required byte[] Ticket { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }

    // ほかの所で終えたセッション: 終えた理由 (RevocationReason の名前)。そのときチケットは空に、SeekerId は null にする
    // （Sessions/SessionEndings。その端末が次に来たとき、本当の理由を伝える）
    public string? EndedBy { get; set; }
}
