using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Tests.Infrastructure;
using OpenTelemetry.Metrics;

namespace MyPage.Tests.Metrics;

// Prometheus の受け口は MyPage:Metrics:Urls の別の Kestrel にだけあり、公開のポートにはない
public class MetricsEndpointTests
{
    [Fact]
    public async Task Can_scrape_the_request_metrics_on_the_metrics_address()
    {
        await using var app = new MyPageApp(metrics: true);
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);

        var scrape = await Eventually.ValueAsync(app.ScrapeAsync, s => s.Value("http_server_request_duration_seconds_count", "http_route=Account/Login") >= 1,
            "S1 の要求が数に出る");

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", scrape.Text, StringComparison.Ordinal);
        // 読みに来た要求（平文の http の受け口）は、サイトの要求に数えない
        Assert.Equal(0, scrape.Value("http_server_request_duration_seconds_count", "url_scheme=http"));
    }

    [Fact]
    public async Task Can_read_that_the_instance_is_ready()
    {
        await using var app = new MyPageApp(metrics: true);

        // 準備の確かめ (/healthz/ready と同じ) は裏で: はじめて読まれたときに確かめ、そのあとは覚えた値
        await Scrape.UntilAsync(app, s => s.Value("mypage_ready") == 1, "準備できた");
    }

    [Fact]
    public async Task Cannot_scrape_metrics_on_the_public_port()
    {
        await using var app = new MyPageApp(metrics: true);
        using var client = app.CreateHttpClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        // 受け口のほうには、/metrics のほかは何もない
        using var direct = new HttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await direct.GetAsync(new Uri(app.MetricsUrl!, "/Account/Login"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync(new Uri(app.MetricsUrl!, "/metrics"))).StatusCode);
    }

    [Fact]
    public async Task Cannot_scrape_anything_when_the_setting_is_off()
    {
        await using var app = new MyPageApp();
        using var client = app.CreateHttpClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        // 既定では OpenTelemetry を登録しない（何も書き出さず、何も遅くしない）
        Assert.Null(app.Services.GetService<MeterProvider>());
    }
}
