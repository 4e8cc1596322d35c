using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyPage.Data;
using MyPage.Housekeeping;
using MyPage.Revocation;
using MyPage.Security;

namespace MyPage.Passkeys;

internal static class PasskeyServices
{
    // パスキー (WebAuthn): ASP.NET Core Identity のパスキーの確かめ (SignInManager と PasskeyHandler)。
    // RP ID は公開の URL (MyPage:PublicUrl) の名前（Development で設定がなければ、要求の名前: localhost）。
    // 本人確認 (user verification) は必ず、端末に残るパスキー (resident key) を作る。問題は5分で切れ、一度だけ
    public static IServiceCollection AddPasskeys(this IServiceCollection services)
    {
        services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<PublicUrlOptions>>((o, site) =>
        {
            var publicUrl = site.Value.Uri;
            o.ServerDomain = publicUrl?.Host;
            o.AuthenticatorTimeout = PasskeyChallenges.Lifetime;
            o.UserVerificationRequirement = "required";
            o.ResidentKeyRequirement = "required";
            // 答えを作ったページのオリジンは、公開の URL のオリジンだけ（要求の Host や Origin ヘッダーは信じない）
            o.ValidateOrigin = context =>
            {
                var expected = publicUrl is { } uri ? uri.GetLeftPart(UriPartial.Authority)
                    : $"{context.HttpContext.Request.Scheme}://{context.HttpContext.Request.Host}";
                return ValueTask.FromResult(!context.CrossOrigin && string.Equals(context.Origin, expected, StringComparison.OrdinalIgnoreCase));
            };
        });
        // 問題の状態を入れる Cookie（SignInManager が Identity.TwoFactorUserId の方式で書く。このサイトはほかに二段階の Cookie を使わない）
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme).Configure(o =>
        {
            o.Cookie.Name = PasskeyChallenges.CookieName;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = PasskeyChallenges.Lifetime;
            o.SlidingExpiration = false;
        });
        services.AddScoped<PasskeyLogin>();
        services.AddScoped<SeekerPasskeys>();
        services.AddScoped<PasskeyOffer>();
        services.AddGrantRevoker<PasskeysRevoker>();
        services.AddHousekeepingStep<UsedPasskeyChallengesCleanup>();
        return services;
    }
}

// 退会: 登録したパスキーをすべて消す。パスワードの再登録、「他の端末からログアウトする」、マイナポータルの連携解除では残す
internal sealed class PasskeysRevoker(MyPageDb db) : IGrantRevoker
{
    public Grant Grant => Grant.Passkeys;

    public Task<int> RevokeAsync(RevocationScope scope, CancellationToken ct)
        => scope.Reason == RevocationReason.Withdrawal
            ? db.UserPasskeys.Where(p => p.UserId == scope.SeekerId).ExecuteDeleteAsync(ct)
            : Task.FromResult(0);
}

// 期限の過ぎた、使い終わった問題（もう答えを受け付けない問題は、覚えておかなくてよい）
internal sealed class UsedPasskeyChallengesCleanup(MyPageDb db) : IHousekeepingStep
{
    public Leftover Kind => Leftover.Throttles;

    public Task<int> RemoveAsync(DateTimeOffset now, CancellationToken ct)
        => db.UsedPasskeyChallenges.Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(ct);
}
