using Htmx;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MyPage.Sessions;

public sealed class SessionTimeoutEvents : CookieAuthenticationEvents
{
    public const string TimedOut = "timed-out";

    // 「あと何分で切れるか」を確かめるだけの要求では延長しない。「ログイン時間を延長する」では必ず延長する。
    public override Task CheckSlidingExpiration(CookieSlidingExpirationContext context)
    {
        context.ShouldRenew = SessionClock.Renews(context.HttpContext.Request.Path, context.ShouldRenew);
        return Task.CompletedTask;
    }

    // セッションの Cookie を持っていたのに入れない = 時間切れ。エラーではなく、ログイン画面で知らせる。
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        var redirect = context.RedirectUri;
        if (request.Cookies.ContainsKey(context.Options.Cookie.Name!))
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
}
