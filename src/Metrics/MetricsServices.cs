using MyPage.Startup;
using OpenTelemetry.Resources;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MyPage.Metrics;

// MyPage:Metrics:Urls（Prometheus が数を読みに来るアドレス。公開のポートとは別の Kestrel。既定は無し）
internal sealed class MetricsOptions
{
    public string? Urls { get; set; }

    public IEnumerable<string> Addresses => (Urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // http で、ポートを書き、パスのないアドレス（例 http://127.0.0.1:9464、http://*:9464）
    public static bool IsListenAddress(string value)
    {
        try
        {
            var address = BindingAddress.Parse(value);
            return address.Scheme == "http" && address.Port > 0 && address.PathBase.Length == 0 && !address.IsUnixPipe && value.Contains(":" + address.Port, StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

internal static class MetricsServices
{
    private static readonly DatabaseSpans DatabaseSpansInstance = new();

    // 運用者が見る数 (Prometheus の受け口、MyPage:Metrics:Urls) と、OTLP への書き出し (OTEL_EXPORTER_OTLP_ENDPOINT)。
    // どちらも無ければ OpenTelemetry を登録しない: 数は Meter に書くだけで（聞く者がなければ何もしない）、追跡も作らない
    public static IServiceCollection AddOperatorMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        // SQLite のコマンドの span（聞く者がいないときは、接続の型を見るだけ）
        services.ConfigureDbContext<MyPage.Data.MyPageDb>((_, db) => db.AddInterceptors(DatabaseSpansInstance));
        services.AddOptions<MetricsOptions>().BindConfiguration("MyPage:Metrics")
            .Refuse(o => o.Addresses.Any(a => !MetricsOptions.IsListenAddress(a)),
                o => SettingChecks.Line("MyPage:Metrics:Urls", o.Urls, "http のアドレスとポート（例 http://127.0.0.1:9464）を ; で区切って書いてください。",
                    "must be http addresses with a port, such as http://127.0.0.1:9464, separated by ;."))
            .ValidateOnStart();

        var scrape = !string.IsNullOrWhiteSpace(configuration["MyPage:Metrics:Urls"]);
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!scrape && !otlp) return services;

        // 名前は OTEL_SERVICE_NAME があればそれ、無ければ mypage（インスタンスは Prometheus の instance ラベルが分ける）
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource =>
        {
            if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"])) resource.AddService("mypage");
        });
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddSiteMeters();
            // 読みに来るたびに今の値（既定の 300 ms の使い回しはしない: Prometheus が読むのは 15 秒ほどに一度）
            if (scrape) metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            if (otlp) metrics.AddOtlpExporter();
        });
        // 追跡は書き出す先があるときだけ（span を作るだけでも要求ごとに手間がかかる）
        if (otlp) telemetry.WithTracing(traces => traces.AddSiteSpans().AddOtlpExporter());
        services.AddSingleton<ISiteGauges, ReadinessMetrics>();
        services.AddHostedService<SiteGaugesStart>();
        if (scrape) services.AddHostedService<MetricsEndpoint>();
        return services;
    }
}
