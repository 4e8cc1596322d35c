using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using MyPage.Startup;

namespace MyPage.Security;

internal static class SecurityServices
{
    // 公開の URL と受け付ける Host、CSRF トークン（全フォーム、htmx の POST も）、HSTS、信頼するプロキシ、防御用ヘッダー
    public static IServiceCollection AddSecurity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<SecurityHeaderOptions>();
        services.AddSingleton<SiteSecrets>();
        services.AddSingleton<IdTags>();
        services.AddSingleton<RequestOrigins>();
        services.AddSingleton<MyPage.Data.IDatabaseReadyHook, SiteSecretsWarmUp>();
        services.AddPublicUrl(environment);
        services.AddHostedService<StartupWarnings>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "__Host-mypage-csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
        services.AddOptions<ProxyOptions>().BindConfiguration("MyPage")
            .Refuse(o => o.KnownProxies.Any(p => !IPAddress.TryParse(p, out _)),
                o => SettingChecks.Line("MyPage:KnownProxies", string.Join(",", o.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))),
                    "プロキシの IP アドレス（例 10.0.0.2、2001:db8::2）を一つずつ書いてください。", "each must be an IP address such as 10.0.0.2."))
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, settings) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // 既定ではループバック（同じマシンのプロキシ）も信頼する。MyPage:TrustLoopbackProxy=false で外せる
            // （一覧を空にすると「どこからでも信頼する」になるので、信頼するものがなければヘッダーを読まない）
            var proxies = settings.Value.KnownProxies;
            if (!settings.Value.TrustLoopbackProxy)
            {
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
                if (proxies.Length == 0) o.ForwardedHeaders = ForwardedHeaders.None;
            }
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return services;
    }

    // 開発では自己署名の localhost 証明書で HTTPS（Cookie が __Host-/Secure のため）
    public static WebApplicationBuilder UseDevelopmentCertificate(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
            builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h =>
                h.ServerCertificate ??= LocalCertificate.LoadOrCreate(Path.Combine(builder.Environment.ContentRootPath, "App_Data", "localhost.pfx"))));
        return builder;
    }
}

// MyPage:KnownProxies（転送のヘッダーを信じるプロキシの IP アドレス）と MyPage:TrustLoopbackProxy
internal sealed class ProxyOptions
{
    public string[] KnownProxies { get; set; } = [];
    public bool TrustLoopbackProxy { get; set; } = true;
}
