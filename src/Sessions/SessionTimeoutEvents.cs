using Htmx;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MyPage.Sessions;

internal sealed class SessionTimeoutEvents : CookieAuthenticationEvents
{
    public const string TimedOut = "timed-out";
    public const string Expired = "expired";
    private const string EndedByLifetime = "mypage-session-lifetime-ended";

    // ログインから AbsoluteLifetime たったセッションは、操作を続けていても終える（サーバー側の行も消す）
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var lifetime = services.GetRequiredService<IOptions<SessionPolicy>>().Value.AbsoluteLifetime;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (now - SessionClock.SignedInAt(context.Properties) < lifetime) return;
        context.RejectPrincipal();
        context.HttpContext.Items[EndedByLifetime] = true;
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    // ログインのあとの行き先は画面が決める（AfterLogin: 検査した戻り先かホーム）。Cookie 認証がログイン画面の
    // ?returnUrl= をそのまま Location に書くと、検査していない URL（ASCII でないものは 500）に向かってしまう
    public override Task RedirectToReturnUrl(RedirectContext<CookieAuthenticationOptions> context) => Task.CompletedTask;

    // 「あと何分で切れるか」を確かめるだけの要求では延長しない。「ログイン時間を延長する」では必ず延長する。
    public override Task CheckSlidingExpiration(CookieSlidingExpirationContext context)
    {
        context.ShouldRenew = SessionClock.Renews(context.HttpContext.Request.Path, context.ShouldRenew);
        return Task.CompletedTask;
    }

    // セッションの Cookie を持っていたのに入れない = 時間切れ（ほかの所で終えられたなら、その理由）。エラーではなく、ログイン画面で知らせる。
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        var redirect = context.RedirectUri;
        // htmx の要求（時間切れを確かめる断片など）: ログインのあとに戻るのは、その断片ではなく利用者が見ていた画面
        if (request.IsHtmx())
        {
            var login = QueryHelpers.AddQueryString(context.Options.LoginPath, context.Options.ReturnUrlParameter, CurrentPage(request) ?? "/");
            redirect = login;
        }
        if (SessionEndings.Remembered(context.HttpContext) is { } reason)
            redirect += (redirect.Contains('?') ? "&" : "?") + "status=" + SessionEndings.Status(reason);
        else if (context.HttpContext.Items.ContainsKey(EndedByLifetime))
            redirect += (redirect.Contains('?') ? "&" : "?") + "status=" + Expired;
        else if (request.Cookies.ContainsKey(context.Options.Cookie.Name!))
            redirect += (redirect.Contains('?') ? "&" : "?") + "status=" + TimedOut;
        if (request.IsHtmx())
        {
            // htmx の要求ではページ全体を移す（ログイン画面の断片を差し込まない）
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers["HX-Redirect"] = redirect;
            return Task.CompletedTask;
        }
        context.Response.Redirect(redirect);
        return Task.CompletedTask;
    }

    // htmx が送る HX-Current-URL（いま見ている画面の URL）のうち、このサイトの中のパスだけ
    private static string? CurrentPage(HttpRequest request)
    {
        if (!Uri.TryCreate(request.Headers["HX-Current-URL"].ToString(), UriKind.Absolute, out var current)) return null;
        if (!string.Equals(current.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)) return null;
        return ReturnUrls.IsPage(current.PathAndQuery) ? current.PathAndQuery : null;
    }
}
