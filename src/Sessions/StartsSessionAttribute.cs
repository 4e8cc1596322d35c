using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MyPage.Sessions;

// この画面はログインを成立させる（ID・パスワード、マイナポータルからの戻り）。
// 届いたセッションの Cookie は認証の前に要求から外す: Cookie 認証は読んだ鍵をサインインで使い回すので、
// 外さなければ新しいセッションが古い鍵のまま（セッション固定）になり、古い行も残る。
// GET でも外す: フォームの CSRF トークンは、表示したときの利用者に結びつくので、表示と送信で同じ（未ログイン）にそろえる。
[AttributeUsage(AttributeTargets.Class)]
internal sealed class StartsSessionAttribute : Attribute;

internal static class SessionRestart
{
    private const string IncomingKey = "mypage-incoming-session";

    // UseRouting の後、UseAuthentication の前に置く
    public static IApplicationBuilder UseSessionRestart(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<StartsSessionAttribute>() is not null)
        {
            var name = Options(context).Cookie.Name!;
            if (context.Request.Cookies.TryGetValue(name, out var incoming))
            {
                context.Items[IncomingKey] = incoming;
                // ほかの Cookie は届いたままの文字列で残す
                context.Request.Headers.Cookie = string.Join("; ", context.Request.Headers.Cookie
                    .SelectMany(header => (header ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    .Where(pair => !pair.StartsWith(name + "=", StringComparison.Ordinal)));
            }
        }
        return next(context);
    });

    // 届いていたセッションの鍵（なければ null）。ログインが成立したら、その行を消す。
    public static string? IncomingSessionKey(HttpContext context)
        => context.Items[IncomingKey] is string cookie ? KeyOf(context, cookie) : null;

    // いまの要求のセッションの鍵（「他の端末からログアウトする」で、このセッションだけを残す）
    public static string? CurrentSessionKey(HttpContext context)
    {
        var options = Options(context);
        return options.CookieManager.GetRequestCookie(context, options.Cookie.Name!) is { } cookie ? KeyOf(context, cookie) : null;
    }

    private static string? KeyOf(HttpContext context, string cookie)
        => Options(context).TicketDataFormat.Unprotect(cookie)?.Principal.FindFirst(SessionIdClaim)?.Value;

    private static CookieAuthenticationOptions Options(HttpContext context)
        => context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

    // Cookie 認証が SessionStore の鍵を入れるクレーム（CookieAuthenticationHandler と同じ名前）
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";
}
