using Microsoft.Extensions.Options;

namespace MyPage.Security;

// MyPage のヘッダーの設定: フォームの送信がリダイレクトで向かってよいほかのオリジン（マイナポータルの認可エンドポイント）
// StyleSources / ScriptSources: 'self' のほかに許すもの（ページに直接書いたスタイルとスクリプトの SHA-256）
internal sealed class SecurityHeaderOptions
{
    public List<string> FormActionOrigins { get; } = [];
    public List<string> StyleSources { get; } = [];
    public List<string> ScriptSources { get; } = [];
}

// すべての応答に付ける防御用ヘッダー。スクリプトとスタイルはこのサイトのファイルと、ハッシュで許した直書きのものだけ。
// htmx のインライン style はメタ設定 includeIndicatorStyles:false で止めている。
internal static class SecurityHeaders
{
    public static string ContentSecurityPolicy(SecurityHeaderOptions options, ThirdParty? thirdParty = null) =>
        $"default-src 'none'; script-src {string.Join(' ', ["'self'", .. options.ScriptSources, .. thirdParty?.Scripts ?? []])}; style-src {string.Join(' ', ["'self'", .. options.StyleSources])}; img-src 'self' data:; " +
        $"connect-src {string.Join(' ', ["'self'", .. thirdParty?.Connects ?? []])}; " +
        (thirdParty is null ? "" : $"frame-src {string.Join(' ', thirdParty.Frames)}; ") +
        $"form-action {string.Join(' ', ["'self'", .. options.FormActionOrigins])}; frame-ancestors 'none'; base-uri 'none'";

    // この応答だけに許すほかのオリジン（人の確認に reCAPTCHA を使うときの Google）。ほかの応答には付かない
    public sealed record ThirdParty(string[] Scripts, string[] Frames, string[] Connects);

    private const string ThirdPartyKey = "mypage-csp-third-party";

    public static void AllowThirdParty(HttpContext http, string[] scripts, string[] frames, string[] connects)
        => http.Items[ThirdPartyKey] = new ThirdParty(scripts, frames, connects);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<SecurityHeaderOptions>>().Value;
        var policy = ContentSecurityPolicy(options);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Items[ThirdPartyKey] is ThirdParty thirdParty ? ContentSecurityPolicy(options, thirdParty) : policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
                // ページは個人の情報や入力中の資格情報を含みうるので保存させない。
                // 指紋付きの静的ファイルは MapStaticAssets が immutable を付ける。
                if (!headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
