namespace MyPage.Data;

// 一つの接続元（IPv4 のアドレス、IPv6 は /64）からの、ID をまたいだログインの失敗の数。鍵付きのタグだけを持つ。
// 窓 (WindowStartedAt から) の間に上限を超えると、その接続元からのログインには人の確認が要る。
internal class ClientThrottle
{
    public required string ClientTag { get; set; }
    public int Failures { get; set; }
    public DateTimeOffset WindowStartedAt { get; set; }
}

// 使い終わった計算による確認の問題（同じ答えを二度使わせない）。期限が過ぎたら後片付けで消す。
// ClientTag と UsedAt: その接続元がこの1時間に何度確認を通ったか（次の問題を倍に重くする）
internal class UsedBotChallenge
{
    public required string Challenge { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string? ClientTag { get; set; }
    public DateTimeOffset UsedAt { get; set; }
}
