using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyPage.Metrics;

// mypage.ready: 1 なら準備できている（/healthz/ready と同じ確かめ: データベースが答え、マイグレーションが済んでいる）。
// 読みに来るたびには確かめない: RefreshEvery ごとに裏で確かめ直し、覚えている値を返す
internal sealed class ReadinessMetrics : ISiteGauges
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(15);

    private readonly HealthCheckService health;
    private readonly BackgroundRefresh refresh;
    private int ready;

    public ReadinessMetrics(IMeterFactory meters, HealthCheckService health, TimeProvider time)
    {
        this.health = health;
        refresh = new(time, RefreshEvery, CheckAsync);
        meters.Meter().CreateObservableGauge("mypage.ready", Observe, "1", "1 when this instance is ready (database answers, migrations applied), else 0");
    }

    private int Observe()
    {
        refresh.WhenDue();
        return Volatile.Read(ref ready);
    }

    // 確かめられなくても（例外）、その答えは「準備できていない」: 次の確かめは RefreshEvery の後
    private async Task<bool> CheckAsync()
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
        return true;
    }
}
