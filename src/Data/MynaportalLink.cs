namespace MyPage.Data;

// マイナポータルとの連携（属性連携）。(発行者, 利用者識別子 sub) で結びつけ、メールアドレスでは結びつけない。
// 一人の求職者に一つ、一つの sub に一人（どちらもデータベースの一意制約で守る）。
public class MynaportalLink
{
    public required string SeekerId { get; set; }
    public required string Issuer { get; set; }
    public required string Subject { get; set; }
    public long LinkedAt { get; set; }
}
