using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Security;

namespace MyPage.Sessions;

// ログインセッションをデータベースに置く。Cookie には推測できない鍵だけが入り、
// データベースにはその鍵のハッシュを置く。行を消せば、そのセッションは次の要求で終わる。
internal sealed class ServerSessionStore(IServiceScopeFactory scopes, TimeProvider time) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Tokens.NewUrlSafe();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MyPageDb>();
        db.Sessions.Add(new SessionRecord
        {
            Id = Hash(key),
            SeekerId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = ticket.Properties.ExpiresUtc,
        });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MyPageDb>();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc;
        // 読んだあとで終えられたセッション（SessionEndings の印、SeekerId なし）を、延長で生き返らせない
        await db.Sessions.Where(s => s.Id == Hash(key) && s.EndedBy == null).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Ticket, bytes)
            .SetProperty(s => s.ExpiresAt, expires));
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RetrieveAsync(key, (HttpContext?)httpContext);

    // ほかの所で終えられたセッション (SessionEndings) なら、その理由を要求に残して、ないものとして答える
    private async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? http)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MyPageDb>();
        var id = Hash(key);
        var row = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        if (row is null) return null;
        if (row.ExpiresAt is { } expires && expires <= time.GetUtcNow())
        {
            await db.Sessions.Where(s => s.Id == id).ExecuteDeleteAsync();
            return null;
        }
        if (SessionEndings.ReasonOf(row) is { } reason)
        {
            if (http is not null) SessionEndings.Remember(http, reason);
            return null;
        }
        return TicketSerializer.Default.Deserialize(row.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MyPageDb>();
        await db.Sessions.Where(s => s.Id == Hash(key)).ExecuteDeleteAsync();
    }

    // 行の id は Cookie の鍵のハッシュ（セッションを終える SessionsRevoker も同じ形で引く）
    public static string Hash(string key) => Tokens.Sha256Hex(key);
}
