namespace MyPage.OneTimePassword;

// MyPage:Login:OneTimePassword の設定。既定は実際のサービスと同じく「使う」。
internal sealed class OneTimePasswordOptions
{
    public const string Section = "MyPage:Login:OneTimePassword";

    public bool Enabled { get; set; } = true;

    // コードの有効期間（メールが遅れても間に合い、覗き見たコードが長く使えない長さ）
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    // 桁数（実際のサービスと同じ6桁）
    public int Length { get; set; } = 6;

    // 「次回から一定期間ワンタイムパスワードの入力を省略する」の期間
    public int TrustedBrowserDays { get; set; } = 30;

    // これだけ誤ったらそのコードは無効（S1 からやり直し）。誤りはログインのロックにも数える
    public int MaxWrongEntries { get; set; } = 5;

    // 「ワンタイムパスワードを再送する」は一回のログインでこの回数まで（メールの送りつけに使わせない）。
    // 一人に1時間で送るメールの上限は、ほかの上限と同じ RateLimitOptions.OneTimePasswordMailsPerHour
    public int MaxResends { get; set; } = 3;
}
