using System.Diagnostics;
using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MyPage.Metrics;

// サイトの数と追跡の名前。数は IMeterFactory が作るただ一つの Meter「MyPage」に、各部品が自分の型（LoginMetrics など）で書く。
// 追跡は ASP.NET Core の要求の span の下に、データベース（SQLite は DatabaseSpans、PostgreSQL は Npgsql）と SMTP の span
internal static class SiteTelemetry
{
    public const string Name = "MyPage";

    // SQLite と SMTP の span（聞く者がいなければ StartActivity は null を返し、何もしない）
    public static readonly ActivitySource Spans = new(Name);

    public static Meter Meter(this IMeterFactory factory) => factory.Create(Name);

    // 数: サイトの Meter、ASP.NET Core（要求の時間と状態コード）、HttpClient、.NET ランタイム、Npgsql
    // IMeterFactory が作った Meter は、このサイトの IMeterFactory のものだけ（Meter は名前で聞くので、同じプロセスの
    // ほかのホスト: 数の受け口の Kestrel、テストで並んで動くほかのサイト、の数が混ざらないように）
    public static MeterProviderBuilder AddSiteMeters(this MeterProviderBuilder metrics)
    {
        // ASP.NET Core の数は、要求 (http.server.request.duration)、Kestrel の接続、処理されなかった例外だけ。
        // AddAspNetCoreInstrumentation が足すほかの Meter（ルーティング、認証、認可、メモリープール、上限）は要求ごとに
        // 何度も数え、S1 の GET で数 % の手間になった（README「Running it: what to watch」の測定）
        metrics.AddMeter(Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics")
            .AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddNpgsqlInstrumentation();
        // .NET ランタイムと Npgsql の数のうち、名前が .count で終わるゲージは、Prometheus では _count（ヒストグラムの部分の名前）と
        // 紛れる (promtool check metrics が断る)。その五つだけ名前を変える
        foreach (var (name, renamed) in RuntimeRenames)
            metrics.AddView(name, new MetricStreamConfiguration { Name = renamed });
        return ((IDeferredMeterProviderBuilder)metrics).Configure((services, builder) =>
        {
            var own = services.GetRequiredService<IMeterFactory>();
            builder.AddView(instrument => instrument.Meter.Scope is IMeterFactory factory && factory != own ? MetricStreamConfiguration.Drop : null);
        });
    }

    public static readonly (string Name, string Renamed)[] RuntimeRenames =
    [
        ("dotnet.assembly.count", "dotnet.assemblies.loaded"),
        ("dotnet.process.cpu.count", "dotnet.process.cpus"),
        ("dotnet.thread_pool.thread.count", "dotnet.thread_pool.threads"),
        ("dotnet.timer.count", "dotnet.timers"),
        ("db.client.connection.count", "db.client.connections"),
    ];

    // 追跡: 要求、HttpClient（マイナポータル、reCAPTCHA）、データベース、SMTP。ヘルスチェックと数の受け口の要求は追わない
    public static TracerProviderBuilder AddSiteSpans(this TracerProviderBuilder traces)
        => traces.AddSource(Name)
            .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal))
            .AddHttpClientInstrumentation()
            .AddNpgsql();
}

// 値を読みに来られる数 (ObservableGauge) を持つ部品の型。数を出すサイトでは起動のときに作る
// （使われるまで作られない型だと、最初の要求まで数が無い）
internal interface ISiteGauges;

internal sealed class SiteGaugesStart(IEnumerable<ISiteGauges> gauges) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = gauges.ToList();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
