using MyPage.Revocation;
using MyPage.Security;

namespace MyPage.Mynaportal;

public static class MynaportalServices
{
    // マイナポータル: OpenID Connect (認可コード + PKCE)。連携は (発行者, sub) で記録する。
    // Authority がなければ連携は使えず、画面がそう案内する。
    public static IServiceCollection AddMynaportal(this IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        var section = config.GetSection("MyPage:Mynaportal");
        var settings = section.Get<MynaportalOptions>() ?? new();
        services.Configure<MynaportalOptions>(section);
        services.AddScoped<MynaportalLinks>();
        services.AddScoped<MynaportalSignIn>();
        services.AddGrantRevoker<PendingMynaportalSignInsRevoker>();
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
