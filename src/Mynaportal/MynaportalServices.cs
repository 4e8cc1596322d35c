using MyPage.Housekeeping;
using MyPage.Revocation;
using MyPage.Security;
using MyPage.Startup;

namespace MyPage.Mynaportal;

internal static class MynaportalServices
{
    // マイナポータル: OpenID Connect (認可コード + PKCE)。連携は (発行者, sub) で記録する。
    // Authority がなければ連携は使えず、画面がそう案内する。
    public static IServiceCollection AddMynaportal(this IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        var section = config.GetSection(MynaportalOptions.Section);
        var settings = section.Get<MynaportalOptions>() ?? new();
        services.AddOptions<MynaportalOptions>().Bind(section)
            .Refuse(o => !string.IsNullOrWhiteSpace(o.Authority) && !SettingChecks.IsHttpsOrLoopback(o.Authority),
                o => SettingChecks.Line($"{MynaportalOptions.Section}:Authority", o.Authority, "https の URL にしてください（http はループバックのときだけ）。", "must be an https URL (http only on loopback)."))
            .Refuse(o => !string.IsNullOrWhiteSpace(o.Authority) && (string.IsNullOrWhiteSpace(o.ClientId) || string.IsNullOrWhiteSpace(o.ClientSecret)),
                o => SettingChecks.Line($"{MynaportalOptions.Section}:ClientId", o.ClientId, "Authority を設定したときは ClientId と ClientSecret も要ります（マイナポータルに登録した値）。", "ClientId and ClientSecret are required with Authority."))
            .Refuse(o => !string.IsNullOrWhiteSpace(o.PortalUrl) && !SettingChecks.IsHttpsOrLoopback(o.PortalUrl),
                o => SettingChecks.Line($"{MynaportalOptions.Section}:PortalUrl", o.PortalUrl, "https の URL にしてください（http はループバックのときだけ）。", "must be an https URL (http only on loopback)."))
            .ValidateOnStart();
        services.AddScoped<MynaportalLinks>();
        services.AddScoped<MynaportalSignIn>();
        services.AddGrantRevoker<PendingMynaportalSignInsRevoker>();
        services.AddHousekeepingStep<PendingSignInsCleanup>();
        if (settings.Enabled)
        {
            services.AddAuthentication().AddOpenIdConnect(MynaportalOptions.Scheme, "マイナポータル", o => MynaportalClient.Configure(o, settings));
            // 「マイナポータル連携開始」の POST のあとのリダイレクトにも CSP の form-action が効く
            services.Configure<SecurityHeaderOptions>(o => o.FormActionOrigins.Add(new Uri(settings.Authority!).GetLeftPart(UriPartial.Authority)));
        }
        if (environment.IsDevelopment() && settings.DevelopmentMock.Enabled)
            services.AddHostedService<DevelopmentMockLauncher>();
        return services;
    }
}
