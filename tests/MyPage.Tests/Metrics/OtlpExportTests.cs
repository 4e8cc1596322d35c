using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Metrics;

// OTEL_EXPORTER_OTLP_ENDPOINT があれば、数と追跡を OTLP (http/protobuf) で書き出す。受け手はこのテストの小さな Kestrel
public class OtlpExportTests
{
    [Fact]
    public async Task Can_export_metrics_and_traces_over_otlp_when_its_endpoint_is_set()
    {
        var received = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext http, string signal) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            received.AddOrUpdate(signal, 1, (_, n) => n + 1);
            return Results.Ok();
        });
        await collector.StartAsync();

        await using var app = new MyPageApp(settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        using (var client = app.CreateHttpClient())
            await client.GetAsync("/Account/Login");

        await Eventually.TrueAsync(() => received.ContainsKey("traces") && received.ContainsKey("metrics"), "OTLP の追跡と数");
        await collector.StopAsync();
    }
}
