using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MyPage.Sessions;

// このセッションがいつ切れるか。Cookie 認証の延長規則（有効期間の半分を過ぎた要求で延長）をそのままたどる。
internal sealed class SessionClock(TimeProvider time, IOptions<SessionPolicy> policy)
{
    public const string WarningPath = "/Session/Warning";
    public const string ExtendPath = "/Session/Extend";

    // Cookie 認証の延長の規則に、この二つの例外を足したもの
    public static bool Renews(PathString path, bool byDefault)
        => path.StartsWithSegments(ExtendPath) || (byDefault && !path.StartsWithSegments(WarningPath));

    public SessionPolicy Policy => policy.Value;

    // いつ終わるか。CanExtend: 「ログイン時間を延長する」で延びるか（ログインからの上限が先に来るなら延びない）
    public sealed record SessionEnd(DateTimeOffset At, bool CanExtend);

    public async Task<SessionEnd?> EndAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded || result.Properties?.ExpiresUtc is not { } expires || result.Properties.IssuedUtc is not { } issued) return null;
        var now = time.GetUtcNow();
        // 残りが経過より短ければ、この要求の終わりに延長される
        var renews = Renews(http.Request.Path, expires - now < now - issued);
        var idleEnd = renews ? now + Policy.IdleTimeout : expires;
        var lifetimeEnd = SignedInAt(result.Properties) + Policy.AbsoluteLifetime;
        return idleEnd < lifetimeEnd ? new(idleEnd, CanExtend: true) : new(lifetimeEnd, CanExtend: false);
    }

    // このセッションのログインの方法（ログインの方法の表の Code: SignInManager が amr のクレームに入れた）と、ログインした時刻。
    // ログインしていなければ null。Cookie 認証はこの要求の結果を覚えているので、二度目はセッションの行を読まない
    public static async Task<(string? Method, DateTimeOffset SignedInAt)?> LoginOfAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded) return null;
        return (result.Principal.FindFirstValue(ClaimTypes.AuthenticationMethod), SignedInAt(result.Properties));
    }

    // ログインした時刻。記録のない古いセッションは、最後に延長した時刻から数える
    public static DateTimeOffset SignedInAt(AuthenticationProperties properties)
        => properties.Items.TryGetValue(SessionStarter.SignedInAtKey, out var value) && long.TryParse(value, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : properties.IssuedUtc ?? DateTimeOffset.MinValue;

    public DateTimeOffset Now => time.GetUtcNow();
}
