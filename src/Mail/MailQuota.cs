namespace MyPage.Mail;

// 一つの宛先・一つの接続元から1時間に送れるメールの上限（パスワード再登録と開設で同じ）。
// 超えても画面は同じで、メールだけ送らない（送りつけ嫌がらせと総当たりの防止）。
public static class MailQuota
{
    public const int PerAddressPerHour = 3;
    public const int RequestsPerClientPerHour = 10;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
}
