using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MyPage.Revocation;

namespace MyPage.Sessions;

public static class SessionServices
{
    // ログインセッション: Cookie は鍵だけ、中身はデータベース（ServerSessionStore）。
    // LoginPath などは Cookie 認証の設定（URL のパス）。画面のリンクはルートから作る。
    public static IServiceCollection AddServerSessions(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SessionPolicy>(config.GetSection("MyPage:Session"));
        services.AddSingleton<ServerSessionStore>();
        services.AddSingleton<SessionClock>();
        services.AddScoped<LoginHistory>();
        services.AddScoped<SessionStarter>();
        services.AddScoped<Browsers>();
        services.AddScoped<LoginRecords>();
        services.AddScoped<OtherDevices>();
        services.AddGrantRevoker<SessionsRevoker>();
        services.AddGrantRevoker<TrustedBrowsersRevoker>();
        services.AddGrantRevoker<KnownBrowsersRevoker>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<ServerSessionStore, IOptions<SessionPolicy>>((o, store, policy) =>
            {
                o.SessionStore = store;
                o.Cookie.Name = "__Host-mypage-session";
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = policy.Value.IdleTimeout;
                o.SlidingExpiration = true;
                o.Events = new SessionTimeoutEvents();
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.AccessDeniedPath = "/Account/Login";
                o.ReturnUrlParameter = "returnUrl";
            });
        services.ConfigureExternalCookie(o =>
        {
            o.Cookie.Name = "__Host-mypage-external";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
        });
        return services;
    }
}
