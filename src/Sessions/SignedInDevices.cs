using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyPage.Data;

namespace MyPage.Sessions;

// ログイン中の端末（終わっていないセッション）: ブラウザ、ログインした時刻、最後に使った時刻、この端末か。
// 「ログインの安全」の「他の端末からログアウトする」の前に、何が終わるのかを見せる。
internal sealed record SignedInDevice(string Browser, DateTimeOffset SignedInAt, DateTimeOffset LastUsedAt, bool IsThis);

internal sealed class SignedInDevices(MyPageDb db, IOptions<SessionPolicy> policy, TimeProvider time)
{
    // ログインしたブラウザの言葉（UserAgents.Describe）。セッションの中身 (AuthenticationTicket) に持たせる
    public const string BrowserKey = "mypage-browser";

    public async Task<IReadOnlyList<SignedInDevice>> ListAsync(HttpContext http, string seekerId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var current = SessionRestart.CurrentSessionKey(http) is { } key ? ServerSessionStore.Hash(key) : null;
        var rows = await db.Sessions.AsNoTracking()
            .Where(s => s.SeekerId == seekerId && (s.ExpiresAt == null || s.ExpiresAt > now))
            .Select(s => new { s.Id, s.Ticket, s.ExpiresAt })
            .ToListAsync(ct);
        var absolute = policy.Value.AbsoluteLifetime;
        return rows
            .Select(row =>
            {
                var properties = TicketSerializer.Default.Deserialize(row.Ticket)?.Properties ?? new AuthenticationProperties();
                var items = properties.Items;
                // ログインした時刻は、ログインからの上限を数えるのと同じ読み方で (SessionClock)
                var signedIn = SessionClock.SignedInAt(properties);
                // 期限は操作のたびに（延長で）「その時刻 + 操作のない時間の上限」へ延びる: そこから戻した時刻が、最後に使った時刻
                var lastUsed = row.ExpiresAt is { } expires ? (expires - policy.Value.IdleTimeout is var touched && touched > signedIn ? touched : signedIn) : signedIn;
                return new SignedInDevice(items.TryGetValue(BrowserKey, out var browser) && !string.IsNullOrEmpty(browser) ? browser : UserAgents.Describe(null),
                    signedIn, lastUsed, row.Id == current);
            })
            // ログインから AbsoluteLifetime を過ぎたセッションは、行が残っていても次の要求で終わる
            .Where(d => d.SignedInAt + absolute > now)
            .OrderByDescending(d => d.IsThis)
            .ThenByDescending(d => d.LastUsedAt)
            .ToList();
    }
}
