using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyPage.Data;

// ロードバランサーのための二つの窓口。ログインは要らず、「Healthy」「Unhealthy」のほかは何も返さない。
//   /healthz/live  : プロセスが答える（データベースは見ない: データベースが止まってもインスタンスを作り直させない）
//   /healthz/ready : データベースが答え、マイグレーションが済んでいる（まだなら 503: 要求を回さない）
// HTTPS の要求 (RequestGuards) より前に置く: ロードバランサーはインスタンスを平文で直に見に来る。
// Host は問わない（ロードバランサーはインスタンスの IP アドレスで見に来る）。ほかの画面は公開の URL の名前だけ (UsePublicHostOnly)
internal static class HealthEndpoints
{
    public const string Live = "/healthz/live";
    public const string Ready = "/healthz/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static IApplicationBuilder UseHealthEndpoints(this IApplicationBuilder app)
    {
        app.UseHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.UseHealthChecks(Ready, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return context.Response.WriteAsync(report.Status == HealthStatus.Healthy ? "Healthy" : "Unhealthy");
    }
}

// データベースが答え、このビルドのマイグレーションがみな済んでいるか
internal sealed class DatabaseReadiness(MyPageDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy();
            return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any() ? HealthCheckResult.Unhealthy() : HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy();
        }
    }
}
