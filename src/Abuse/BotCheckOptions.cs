namespace MyPage.Abuse;

internal enum BotCheckProvider { ProofOfWork, ReCaptcha, None }

// MyPage:BotCheck: 人の操作かを確かめる仕組み。ふつうに使う人には出ない（接続元や ID が上限を超えたときだけ）。
internal sealed class BotCheckOptions
{
    public const string Section = "MyPage:BotCheck";

    public BotCheckProvider Provider { get; set; } = BotCheckProvider.ProofOfWork;

    // JavaScript のないブラウザの確認: ボタンを押せるようになるまでの時間（この1時間に通るたびに倍、30分まで: WaitCheck）
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(30);

    public ProofOfWorkOptions ProofOfWork { get; set; } = new();
    public ReCaptchaOptions ReCaptcha { get; set; } = new();
}

// 計算による確認（ALTCHA と同じ形）: サーバーが署名した問題を、ブラウザが Web Worker で SHA-256 を繰り返して解く。
// 見る・聞くパズルがないので、スクリーンリーダーでも同じに使える。
internal sealed class ProofOfWorkOptions
{
    // 最初の問題の、探す数の上限（平均でこの半分の SHA-256）。1コアの 25 % に絞ったブラウザ（弱いスマートフォンの見立て）で
    // 平均2秒ほど: そのブラウザの Worker は毎秒およそ 4,700 回 (tests/ProofOfWorkBenchmark)、18,000 / 2 / 4,700 ≈ 1.9 秒。
    // 同じ接続元がこの1時間に確認を通るたびに倍になる (ProofOfWorkCheck)
    public int MaxNumber { get; set; } = 18_000;

    // 問題の有効期間
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);
}

// Google reCAPTCHA v3（デザインカードの AspNetCore.ReCaptcha と同じ確かめ方を、HttpClient で）
internal sealed class ReCaptchaOptions
{
    public string? SiteKey { get; set; }
    public string? SecretKey { get; set; }
    public double MinimumScore { get; set; } = 0.5;
    public Uri VerifyUrl { get; set; } = new("https://www.google.com/recaptcha/api/siteverify");
    public Uri ScriptUrl { get; set; } = new("https://www.google.com/recaptcha/api.js");

    // siteverify の応答を待つ時間（過ぎれば確認の失敗として扱う）
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
