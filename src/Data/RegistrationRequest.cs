namespace MyPage.Data;

// 「求職者マイページを開設する」の仮登録。メールの URL に入れた鍵のハッシュだけを持つ。
internal class RegistrationRequest
{
    // URL の鍵の SHA-256（鍵そのものは持たない）
    public required string Id { get; set; }
    public required string Email { get; set; }

    // 時間あたりの上限を数えるための、アドレスと接続元のハッシュ
    public required string EmailTag { get; set; }
    public required string ClientTag { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
