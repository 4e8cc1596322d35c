namespace MyPage.Abuse;

// MyPage:RateLimits: 接続元ごとの上限（IPv4 はアドレス、IPv6 は /64 ごと）
public sealed class RateLimitOptions
{
    public const string Section = "MyPage:RateLimits";

    // ログインの要らないフォームの送信（ログイン、ワンタイムパスワード、S2、S3、仮登録、本登録）。
    // 1分あたりの数（10秒ごとに6分の1ずつ戻る）。超えると 429 と Retry-After
    public int FormPostsPerMinute { get; set; } = 30;

    // ID をまたいだログインの失敗がこの窓の間にこの数に達すると、その接続元からのログインには人の確認が要る
    public int ClientLoginFailures { get; set; } = 20;
    public TimeSpan ClientFailureWindow { get; set; } = TimeSpan.FromMinutes(10);
}
