namespace MyPage.Data;

// 「ID(メールアドレス)の変更」の申込み一件。新しいアドレスへ送った認証キーは、ハッシュだけを持つ。
// 新しいアドレスがもうほかの人の ID のときも行を作る（KeySent は false: 認証キーは送らず、どの認証キーも合わない）ので、
// 画面からは区別できない。求職者ごとに、使えるのは最後の申込みだけ（新しい申込みが前のものを無効にする）。
internal class IdChangeRequest
{
    public required string Id { get; set; }
    public required string SeekerId { get; set; }

    // 正規化した新しい ID(メールアドレス)
    public required string NewEmail { get; set; }
    public required string KeyHash { get; set; }
    public bool KeySent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? VoidedAt { get; set; }
}
