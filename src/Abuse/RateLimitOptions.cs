namespace MyPage.Abuse;

// MyPage:RateLimits: 要求の「どれだけ・どれほど頻繁に」のすべて。数はここだけに置く（README の「Abuse defence」の表は
// Structure/ReadmeLimitsTests がこの既定値と照らし合わせる）。接続元は IPv4 ならアドレス、IPv6 なら /64 ごと
internal sealed class RateLimitOptions
{
    public const string Section = "MyPage:RateLimits";

    // 「…PerHour」の上限を数える窓
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    // ログインの要らないフォームの送信（ログイン、ワンタイムパスワード、S2、S3、仮登録、本登録）。
    // 1分あたりの数（10秒ごとに6分の1ずつ戻る）。超えると 429 と Retry-After
    public int FormPostsPerMinute { get; set; } = 30;

    // ID をまたいだログインの失敗がこの窓の間にこの数に達すると、その接続元からのログインには人の確認が要る
    public int ClientLoginFailures { get; set; } = 20;
    public TimeSpan ClientFailureWindow { get; set; } = TimeSpan.FromMinutes(10);

    // パスワード再登録 (S2): 前にその ID でログインしていないブラウザからの申込みが、その ID へ1時間にこの数、
    // またはその接続元から1時間にこの数に達したら、人の確認を求める（登録のない ID でも同じに数える）
    public int ResetRequestsPerIdPerHour { get; set; } = 3;
    public int ResetRequestsPerClientPerHour { get; set; } = 10;

    // 認証キーのメールの天井（人の確認を通っても）: そのようなブラウザから一つの ID へ、一つの接続元からどの ID へも合わせて
    public int ResetMailsPerIdPerHour { get; set; } = 10;
    public int ResetMailsPerClientPerHour { get; set; } = 20;

    // 前にその ID でログインしたブラウザだけの枠（他人に使い切られて再登録できなくなることはない）。確認は要らない
    public int ResetMailsPerKnownBrowserPerHour { get; set; } = 3;

    // 開設の仮登録: 一つのアドレスへのメールと、一つの接続元からの申込み。超えても画面は同じで、メールだけ送らない
    public int RegistrationMailsPerAddressPerHour { get; set; } = 3;
    public int RegistrationRequestsPerClientPerHour { get; set; } = 10;

    // 一人に1時間で送るワンタイムパスワードのメール（ログインのやり直しと再送を合わせて）。超えたら画面でそう伝える
    public int OneTimePasswordMailsPerHour { get; set; } = 10;

    // 一人に1時間で送る「ID(メールアドレス)変更の確認」（新しいアドレスがほかの人の ID で、「すでに使われている」と送るものも）。
    // 超えたら画面でそう伝える（パスワードを知る人が、ほかのアドレスへメールを送り続けられないように）
    public int IdChangeMailsPerSeekerPerHour { get; set; } = 3;
    // 一人が登録しておけるパスキーの数（端末ごとに一つとして、十分な数）。これを超える登録は、画面でそう伝えて断る
    public int PasskeysPerSeeker { get; set; } = 10;
}
