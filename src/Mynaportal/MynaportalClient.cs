using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using MyPage.Audit;

namespace MyPage.Mynaportal;

// My Page を OpenID Connect のクライアントにする設定
internal static class MynaportalClient
{
    public static void Configure(OpenIdConnectOptions o, MynaportalOptions settings)
    {
        // https か、ループバックへの http（起動の前に MynaportalServices の規則が確かめた）
        var authority = new Uri(settings.Authority!);

        o.Authority = settings.Authority;
        o.RequireHttpsMetadata = !authority.IsLoopback;
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.CallbackPath = MynaportalOptions.CallbackPath;
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = false;
        o.DisableTelemetry = true;
        // 発行者と対象者 (aud = ClientId) はメタデータと設定から検査する
        o.TokenValidationParameters.ValidateIssuer = true;
        o.TokenValidationParameters.ValidateAudience = true;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.Always;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
        o.Events.OnRemoteFailure = context =>
        {
            // state の改ざん、コードの再送、nonce の不一致など: セッションは作らず、案内の画面へ
            var log = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MynaportalClient));
            log.MynaportalFailed(context.Failure?.Message, context.HttpContext.RequestServices.GetRequiredService<Security.RequestOrigins>().Of(context.HttpContext).LogTag);
            var links = context.HttpContext.RequestServices.GetRequiredService<LinkGenerator>();
            context.Response.Redirect(links.GetPathByPage(context.HttpContext, "/Mynaportal/Failed")!);
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
