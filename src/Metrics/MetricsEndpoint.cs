using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace MyPage.Metrics;

// Prometheus の受け口 /metrics を、公開のサイトとは別の小さな Kestrel で MyPage:Metrics:Urls にだけ開く。
// 公開のポートの要求の流れには何も足さない（/metrics は 404 のまま、要求ごとの手間もない）
internal sealed class MetricsEndpoint(IOptions<MetricsOptions> options, MeterProvider meters) : IHostedService, IAsyncDisposable
{
    public const string Path = "/metrics";
    private WebApplication? endpoint;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls([.. options.Value.Addresses]);
        endpoint = builder.Build();
        // 読みに来る要求は、サイトの要求の数 (http.server.request.duration) に入れない（5xx の割合などが薄まらないように）
        endpoint.Use((http, next) =>
        {
            if (http.Features.Get<IHttpMetricsTagsFeature>() is { } tags) tags.MetricsDisabled = true;
            return next(http);
        });
        endpoint.UseOpenTelemetryPrometheusScrapingEndpoint(meters, predicate: null, Path, configureBranchedPipeline: null, optionsName: null);
        endpoint.Run(http =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await endpoint.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (endpoint is not null) await endpoint.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (endpoint is not null) await endpoint.DisposeAsync();
    }
}
