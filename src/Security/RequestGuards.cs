using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace MyPage.Security;

// 壊れた要求や大きすぎる要求に、500 ではなく日本語の画面で答える。HTTP のままの要求は受け付けない:
// GET と HEAD は、HTTPS の待ち受けがあればそこへ移す (UseHttpsRedirectionForReads、エラーの画面より前に置く)。
// ほかの方法（フォームの POST など）は、待ち受けがあっても 400（平文で送られた中身を、黙って HTTPS へ送り直させない）。
// UseStatusCodePagesWithReExecute の後に置く（ここで決めた 400/413 を、エラーの画面が描く）。
internal static class RequestGuards
{
    // フォームは小さい: 1 MB を超える本文は読まずに 413
    public const long MaxRequestBody = 1024 * 1024;

    // エラーの画面に渡す、断った理由（HttpContext.Items の鍵と値の型はここだけが知る）
    private const string ReasonKey = "mypage-error-reason";
    public const string Unreadable = "unreadable";
    public const string HttpsRequired = "https-required";

    public static string? ReasonOf(HttpContext context) => context.Items[ReasonKey] as string;

    // 平文の GET と HEAD だけを HTTPS へ移す。エラーの画面の差し戻しより前に置く
    // （差し戻しは GET として来るので、後ろに置くと 400 の画面までリダイレクトになってしまう）
    public static IApplicationBuilder UseHttpsRedirectionForReads(this IApplicationBuilder app)
        => app.UseWhen(c => HttpMethods.IsGet(c.Request.Method) || HttpMethods.IsHead(c.Request.Method), reads => reads.UseHttpsRedirection());

    // このサーバーが HTTPS でも待ち受けているか（起動し終えてから分かる）
    private static bool HasHttpsEndpoint(HttpContext context)
        => context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses
            .Any(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)) ?? false;

    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app, IHostEnvironment environment) => app.Use(async (context, next) =>
    {
        // エラーの画面を描くための差し戻し: もう確かめた要求なので、そのまま通す
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }
        // TLS を終えるプロキシ (X-Forwarded-Proto) もない平文の要求: Cookie は Secure なので何も始められない
        if (!context.Request.IsHttps)
        {
            var readOnly = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
            if (!readOnly || (!environment.IsDevelopment() && !HasHttpsEndpoint(context)))
            {
                context.Items[ReasonKey] = HttpsRequired;
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxRequestBody;
        try
        {
            // フォームは先に読んで確かめる（読めたフォームは覚えられ、CSRF の確かめもモデルの結び付けもそれを使う）
            if (context.Request.HasFormContentType) await context.Request.ReadFormAsync(context.RequestAborted);
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // 本文が大きすぎる (413) など、Kestrel が読めなかった要求
            context.Items[ReasonKey] = Unreadable;
            context.Response.StatusCode = e.StatusCode;
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // フォームの欄が多すぎる (1,024 を超える)、壊れた multipart
            context.Items[ReasonKey] = Unreadable;
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    });
}
