using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.WebEncoders;
using MyPage.Pages.Settings;
using MyPage.Pages.Shared;
using MyPage.Startup;

namespace MyPage.Pages;

// 誰にでも同じ画面の出力キャッシュ: 画面は [OutputCache(PolicyName = AnonymousPages.Policy)] で名乗る
internal static class AnonymousPages
{
    public const string Policy = "anonymous-page";
    public const long SizeLimit = 4 * 1024 * 1024;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
}

internal static class PagesServices
{
    // 画面: Razor Pages（src/Pages）。ログインが要らない画面は [AllowAnonymous] で自分から名乗る（それ以外はすべてログインが要る）。
    public static IServiceCollection AddMyPagePages(this IServiceCollection services)
    {
        services.AddRazorPages(o => o.RootDirectory = "/src/Pages")
            .AddMvcOptions(o => BindingMessages.UseJapanese(o.ModelBindingMessageProvider));
        // 開発用の画面（Pages/Development）は、Development のときだけルートを持つ。ほかの環境ではルートがなく 404
        services.AddOptions<RazorPagesOptions>().Configure<IWebHostEnvironment>((o, environment) =>
        {
            if (!environment.IsDevelopment()) o.Conventions.AddFolderRouteModelConvention("/Development", page => page.Selectors.Clear());
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        // 日本語を &#x...; にせず UTF-8 のまま送る（バイト数が約3分の1になる）
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddResponseCompression(o => o.EnableForHttps = true);
        // ログインしていない人に誰にでも同じ画面 (S0) は、一度描いた HTML を配る（描き直さない）。
        // ログインした人の要求、Cookie を渡す応答、200 以外は覚えない（出力キャッシュの既定）。
        // クエリは見ない: 見ると、でたらめなクエリの要求のたびに覚える数が増える
        services.AddOutputCache(o =>
        {
            o.SizeLimit = AnonymousPages.SizeLimit;
            o.AddPolicy(AnonymousPages.Policy, b => b.SetVaryByQuery([]).Expire(AnonymousPages.Lifetime), excludeDefaultPolicy: false);
        });
        services.AddOptions<PageOptions>().BindConfiguration(PageOptions.Section)
            .Refuse(o => o.HtmxTimeout < TimeSpan.FromSeconds(1) || o.HtmxTimeout > TimeSpan.FromMinutes(5),
                o => SettingChecks.Line($"{PageOptions.Section}:HtmxTimeout", o.HtmxTimeout, "1秒から5分の間にしてください。", "must be between 00:00:01 and 00:05:00."))
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentSeeker>();
        services.AddScoped<PasswordConfirmation>();
        services.AddSingleton<AnonymousFormPages>();
        // 入口の画面に直接書くスタイルは、その SHA-256 だけを CSP で許す（スクリプトはどれもこのサイトのファイル）
        services.Configure<MyPage.Security.SecurityHeaderOptions>(o => o.StyleSources.AddRange(InlineAssets.CssHashes));
        return services;
    }

    // 画面とその部品。どのルートにも当たらない要求は、ログインを求めずに 404 の画面へ。
    public static WebApplication MapMyPagePages(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
