using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyPage.Metrics;

// mypage.ready: 1 なら準備できている（/healthz/ready と同じ確かめ: データベースが答え、マイグレーションが済んでいる）。
// 読みに来るたびには確かめない: RefreshEvery ごとに裏で確かめ直し、覚えている値を返す
internal sealed class ReadinessMetrics : ISiteGauges
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(15);

    private readonly HealthCheckService health;
    private readonly TimeProvider time;
    private int ready;
    private DateTimeOffset checkedAt = DateTimeOffset.MinValue;
    private int checking;

    public ReadinessMetrics(IMeterFactory meters, HealthCheckService health, TimeProvider time)
    {
        this.health = health;
        this.time = time;
        meters.Meter().CreateObservableGauge("mypage.ready", Observe, "1", "1 when this instance is ready (database answers, migrations applied), else 0");
    }

    private int Observe()
    {
        if (time.GetUtcNow() - checkedAt >= RefreshEvery && Interlocked.Exchange(ref checking, 1) == 0)
            _ = Task.Run(CheckAsync);
        return Volatile.Read(ref ready);
    }

    private async Task CheckAsync()
    {
        try
        {
            var report = await health.CheckHealthAsync(check => check.Tags.Contains("ready"));
            Volatile.Write(ref ready, report.Status == HealthStatus.Healthy ? 1 : 0);
        }
        catch (Exception)
        {
            Volatile.Write(ref ready, 0);
        }
        finally
        {
            checkedAt = time.GetUtcNow();
            Volatile.Write(ref checking, 0);
        }
    }
}
