using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MyPage.Sessions;

// このセッションがいつ切れるか。Cookie 認証の延長規則（有効期間の半分を過ぎた要求で延長）をそのままたどる。
public sealed class SessionClock(TimeProvider time, IOptions<SessionPolicy> policy)
{
    public const string WarningPath = "/Session/Warning";
    public const string ExtendPath = "/Session/Extend";

    // Cookie 認証の延長の規則に、この二つの例外を足したもの
    public static bool Renews(PathString path, bool byDefault)
        => path.StartsWithSegments(ExtendPath) || (byDefault && !path.StartsWithSegments(WarningPath));

    public SessionPolicy Policy => policy.Value;

    public async Task<DateTimeOffset?> ExpiresAtAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded || result.Properties?.ExpiresUtc is not { } expires || result.Properties.IssuedUtc is not { } issued) return null;
        var now = time.GetUtcNow();
        // 残りが経過より短ければ、この要求の終わりに延長される
        var renews = Renews(http.Request.Path, expires - now < now - issued);
        return renews ? now + Policy.IdleTimeout : expires;
    }

    public DateTimeOffset Now => time.GetUtcNow();
}
