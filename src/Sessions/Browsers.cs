using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Security;

namespace MyPage.Sessions;

// このブラウザ: 長く残る Cookie に、推測できない id を保護して（改ざんできない形で）入れる。個人の情報は入れない。
// 求職者ごとに「前にログインしたブラウザか」「ワンタイムパスワードを省略してよいブラウザか」をデータベースに置く。
internal sealed class Browsers(MyPageDb db, IdTags tags, IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "__Host-mypage-browser";
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(400);
    private readonly IDataProtector protector = protection.CreateProtector("MyPage.Browser.v1");

    // このブラウザの id のタグ（Cookie がなければ、作って渡す）
    public string TagOf(HttpContext http)
    {
        var id = Read(http) ?? Issue(http);
        return tags.Of("browser:" + id);
    }

    // Cookie がないか壊れていれば null（作らない）
    public string? ExistingTagOf(HttpContext http) => Read(http) is { } id ? tags.Of("browser:" + id) : null;

    // この求職者がこのブラウザでログインした。初めてのブラウザなら true。description: ブラウザの種類と OS (UserAgents)
    public async Task<bool> RecordLoginAsync(HttpContext http, Seeker seeker, DateTimeOffset now, string description, CancellationToken ct = default)
    {
        var tag = TagOf(http);
        var updated = await db.SeekerBrowsers.Where(b => b.SeekerId == seeker.Id && b.BrowserTag == tag)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.LastSeenAt, now).SetProperty(b => b.Description, description), ct);
        if (updated > 0) return false;
        await InsertSeekerBrowser.IfAbsentAsync(db, seeker.Id, tag, description, now, ct);
        return true;
    }

    // このブラウザで、この ID (正規化済み) の求職者がログインしたことがあるか（S2 と人の確認で、他人に使い切られない別の枠）
    public async Task<bool> KnownForAsync(HttpContext http, string loginId, CancellationToken ct = default)
    {
        if (ExistingTagOf(http) is not { } tag) return false;
        return await db.SeekerBrowsers.AnyAsync(b => b.BrowserTag == tag && db.Users.Any(u => u.Id == b.SeekerId && u.NormalizedUserName == loginId), ct);
    }

    // ワンタイムパスワードを省略してよいブラウザか
    public async Task<bool> IsTrustedAsync(HttpContext http, string seekerId, CancellationToken ct = default)
    {
        if (ExistingTagOf(http) is not { } tag) return false;
        var now = time.GetUtcNow();
        return await db.SeekerBrowsers.AnyAsync(b => b.SeekerId == seekerId && b.BrowserTag == tag && b.TrustedUntil > now, ct);
    }

    // 「次回から一定期間ワンタイムパスワードの入力を省略する」: until までこのブラウザでは省略する（ログインを記録したあとに呼ぶ）
    public async Task TrustAsync(HttpContext http, string seekerId, DateTimeOffset until, CancellationToken ct = default)
    {
        var tag = TagOf(http);
        await db.SeekerBrowsers.Where(b => b.SeekerId == seekerId && b.BrowserTag == tag)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.TrustedUntil, until), ct);
    }

    public Task<List<SeekerBrowser>> TrustedAsync(string seekerId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        return db.SeekerBrowsers.AsNoTracking().Where(b => b.SeekerId == seekerId && b.TrustedUntil > now)
            .OrderByDescending(b => b.LastSeenAt).ToListAsync(ct);
    }

    // 「解除」の知らせに書く、本人のブラウザの言葉と最後のログイン（ほかの人のブラウザなら null）
    public Task<SeekerBrowser?> OwnAsync(string seekerId, long browserId, CancellationToken ct = default)
        => db.SeekerBrowsers.AsNoTracking().SingleOrDefaultAsync(b => b.SeekerId == seekerId && b.Id == browserId, ct);

    // 「解除」: 一つのブラウザの省略をやめる
    public Task<int> UntrustAsync(string seekerId, long browserId, CancellationToken ct = default)
        => db.SeekerBrowsers.Where(b => b.SeekerId == seekerId && b.Id == browserId && b.TrustedUntil != null)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.TrustedUntil, (DateTimeOffset?)null), ct);

    private string? Read(HttpContext http)
    {
        if (http.Items[CookieName] is string issued) return issued;
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value)) return null;
        try
        {
            return protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // 書き換えられた Cookie は、ないものとして扱う
        }
    }

    private string Issue(HttpContext http)
    {
        var id = Tokens.NewUrlSafe();
        http.Items[CookieName] = id;
        http.Response.Cookies.Append(CookieName, protector.Protect(id), new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            Expires = time.GetUtcNow() + CookieLifetime,
        });
        return id;
    }
}
