using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MyPage.Housekeeping;
using MyPage.Revocation;
using MyPage.Startup;

namespace MyPage.Sessions;

internal static class SessionServices
{
    // ログインセッション: Cookie は鍵だけ、中身はデータベース（ServerSessionStore）。
    // LoginPath などは Cookie 認証の設定（URL のパス）。画面のリンクはルートから作る。
    public static IServiceCollection AddServerSessions(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SessionPolicy>().Bind(config.GetSection(SessionPolicy.Section))
            .Refuse(p => p.IdleTimeout < TimeSpan.FromMinutes(1) || p.IdleTimeout > TimeSpan.FromHours(24),
                p => SettingChecks.Line($"{SessionPolicy.Section}:IdleTimeout", p.IdleTimeout, "1分 (00:01:00) から24時間 (24:00:00) の間にしてください。", "must be between 00:01:00 and 24:00:00."))
            .Refuse(p => p.WarnBefore <= TimeSpan.Zero || p.WarnBefore >= p.IdleTimeout,
                p => SettingChecks.Line($"{SessionPolicy.Section}:WarnBefore", p.WarnBefore, $"0より長く、IdleTimeout ({p.IdleTimeout:c}) より短くしてください。", $"must be positive and shorter than IdleTimeout ({p.IdleTimeout:c})."))
            .Refuse(p => p.AbsoluteLifetime < p.IdleTimeout || p.AbsoluteLifetime > TimeSpan.FromDays(30),
                p => SettingChecks.Line($"{SessionPolicy.Section}:AbsoluteLifetime", p.AbsoluteLifetime, $"IdleTimeout ({p.IdleTimeout:c}) 以上、30日以下にしてください。", $"must be at least IdleTimeout ({p.IdleTimeout:c}) and at most 30 days."))
            .ValidateOnStart();
        services.AddSingleton<ServerSessionStore>();
        services.AddSingleton<SessionClock>();
        services.AddSingleton<SessionMetrics>();
        services.AddSingleton<MyPage.Metrics.ISiteGauges>(s => s.GetRequiredService<SessionMetrics>());
        services.AddScoped<LoginHistory>();
        services.AddScoped<SessionStarter>();
        services.AddScoped<Browsers>();
        services.AddScoped<LoginRecords>();
        services.AddScoped<OtherDevices>();
        services.AddScoped<SignedInDevices>();
        services.AddGrantRevoker<SessionsRevoker>();
        services.AddGrantRevoker<TrustedBrowsersRevoker>();
        services.AddGrantRevoker<KnownBrowsersRevoker>();
        services.AddHousekeepingStep<ExpiredSessionsCleanup>();
        services.AddHousekeepingStep<UnusedBrowsersCleanup>();
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
