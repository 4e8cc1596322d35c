namespace MyPage.Mail;

// 一つの宛先・一つの接続元から1時間に送れるメールの上限（パスワード再登録と開設で同じ）。
// 開設: 超えても画面は同じで、メールだけ送らない（送りつけ嫌がらせと総当たりの防止）。
// パスワード再登録: 超えたら人の確認を求め、通れば CeilingPerAddressPerHour 通まで送る。前にその ID で
// ログインしたブラウザには、そのブラウザだけの枠 (KnownBrowserPerHour) があるので、他人に使い切られて再登録できなくなることはない。
// 一つの接続元が知らないブラウザから送らせるメールは、どの ID へも合わせて CeilingPerClientPerHour 通まで（人の確認を通っても）。
public static class MailQuota
{
    public const int PerAddressPerHour = 3;
    public const int RequestsPerClientPerHour = 10;
    public const int CeilingPerAddressPerHour = 10;
    public const int CeilingPerClientPerHour = 20;
    public const int KnownBrowserPerHour = 3;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
}
