namespace MyPage.Sessions;

// MyPage:Session の設定。操作がないまま IdleTimeout たつとログアウト（共用端末での放置に備える）。
// その WarnBefore 前に、画面で知らせて延長できるようにする（WCAG 2.2.1）。
// 操作を続けていても、ログインから AbsoluteLifetime たてば終わる（盗まれたセッションを使い続けられないように）。
internal sealed class SessionPolicy
{
    public const string Section = "MyPage:Session";

    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(30);

    public TimeSpan IdleTimeout { get; set; } = DefaultIdleTimeout;
    public TimeSpan WarnBefore { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}
