namespace MyPage.Sessions;

public static class SessionPolicy
{
    // 操作がないまま30分たつとログアウト（共用端末での放置に備える）
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
}
