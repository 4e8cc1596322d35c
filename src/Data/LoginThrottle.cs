namespace MyPage.Data;

// ログイン失敗の数とロック期限。存在しないIDにも同じ行を作る（アカウント列挙の防止）。
// 入力されたIDは持たず、その鍵付きのタグ (IdTags) だけを持つ（パスワードをIDの欄に打ち間違えることもあるので）。
// 時刻は DateTimeOffset（列の形は MyPageDb.ConfigureConventions）。
internal class LoginThrottle
{
    public required string IdTag { get; set; }
    public int Failures { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    // 最後に数えた時刻。24時間何もなければ数え直し、行は後片付けで消える
    public DateTimeOffset UpdatedAt { get; set; }
}
