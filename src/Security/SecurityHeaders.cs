using Microsoft.Extensions.Options;

namespace MyPage.Security;

// MyPage のヘッダーの設定: フォームの送信がリダイレクトで向かってよいほかのオリジン（マイナポータルの認可エンドポイント）
public sealed class SecurityHeaderOptions
{
    public List<string> FormActionOrigins { get; } = [];
}

// すべての応答に付ける防御用ヘッダー。スクリプトとスタイルはこのサイトのファイルだけ。
// htmx のインライン style はメタ設定 includeIndicatorStyles:false で止めている。
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(IEnumerable<string> formActionOrigins) =>
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        $"connect-src 'self'; form-action {string.Join(' ', ["'self'", .. formActionOrigins])}; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<IOptions<SecurityHeaderOptions>>().Value.FormActionOrigins);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
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
