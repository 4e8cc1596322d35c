using Microsoft.Extensions.Options;
using MyPage.Startup;

namespace MyPage.Security;

// MyPage:PublicUrl: このサイトの公開の URL（例 https://mypage.hellowork.example）。メールのリンクはここから作り、
// 要求の Host ヘッダーは信じない。Host もこの名前しか受け付けない（ほかは 400）。
// Development でなければ必須で、なければ起動しない。
internal sealed class PublicUrlOptions
{
    public string? PublicUrl { get; set; }

    public Uri? Uri => System.Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null;

    public const string Missing = "MyPage:PublicUrl が設定されていないので起動しません（メールのリンクを要求の Host から作らないため）。 / MyPage:PublicUrl is not set, so the site will not start (mail links must not follow the request's Host header).";
}

internal static class PublicUrlServices
{
    public static IServiceCollection AddPublicUrl(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<PublicUrlOptions>().BindConfiguration("MyPage")
            .Refuse(o => string.IsNullOrWhiteSpace(o.PublicUrl) && !environment.IsDevelopment(), _ => PublicUrlOptions.Missing)
            .Refuse(o => !string.IsNullOrWhiteSpace(o.PublicUrl) && (o.Uri is null || !SettingChecks.IsHttpsOrLoopback(o.PublicUrl)),
                o => SettingChecks.Line("MyPage:PublicUrl", o.PublicUrl, "https で始まる公開の URL（例 https://mypage.example.jp/）にしてください（http はループバックだけ）。", "must be the public https URL, such as https://mypage.example.jp/ (http only on loopback)."))
            .ValidateOnStart();
        services.AddSingleton<SiteUrls>();
        return services;
    }

    // Host ヘッダーは公開の URL の名前だけ（ポートは見ない。ほかは 400）。設定がない Development では何でも。
    // ヘルスチェックの窓口 (UseHealthEndpoints) のあとに置く: ロードバランサーはインスタンスの IP アドレスを Host にして確かめる。
    // HTTPS へのリダイレクトより前に置く（偽の Host へのリダイレクトを作らない）
    public static IApplicationBuilder UsePublicHostOnly(this IApplicationBuilder app)
    {
        var host = app.ApplicationServices.GetRequiredService<IOptions<PublicUrlOptions>>().Value.Uri?.Host;
        if (host is null) return app;
        return app.Use((context, next) =>
        {
            if (string.Equals(context.Request.Host.Host, host, StringComparison.OrdinalIgnoreCase)) return next(context);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        });
    }
}

// メールに書く URL
internal sealed class SiteUrls(IOptions<PublicUrlOptions> options)
{
    // 公開の URL が設定されていれば必ずそれ。ないのは Development だけで、そのときは要求の URL
    public string Absolute(HttpRequest request, string pathAndQuery)
    {
        var root = options.Value.Uri is { } uri ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return root + pathAndQuery;
    }
}
