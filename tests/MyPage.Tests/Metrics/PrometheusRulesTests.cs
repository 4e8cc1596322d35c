using System.Diagnostics;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Metrics;

// deploy/prometheus の警告の規則と、サイトの本物の受け口を、Debian の promtool で確かめる。
// promtool がなければ失敗する（飛ばさない: ./test.sh が prometheus のパッケージを入れる）
public class PrometheusRulesTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "deploy", "prometheus");

    private static async Task<(int Code, string Output)> PromtoolAsync(string? input, params string[] args)
    {
        var start = new ProcessStartInfo("promtool") { WorkingDirectory = Folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("promtool を起動できません");
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Promtool_accepts_the_alert_rules_and_the_example_configuration()
    {
        var rules = await PromtoolAsync(null, "check", "rules", "alerts.yml");
        Assert.True(rules.Code == 0, rules.Output);
        var config = await PromtoolAsync(null, "check", "config", "prometheus.yml");
        Assert.True(config.Code == 0, config.Output);
    }

    [Fact]
    public async Task Every_alert_passes_its_unit_tests_firing_and_not_firing()
    {
        var (code, output) = await PromtoolAsync(null, "test", "rules", "alerts.test.yml");
        Assert.True(code == 0, output);
        // どの警告にも、鳴る試験がある
        var alerts = File.ReadAllLines(Path.Combine(Folder, "alerts.yml")).Where(l => l.TrimStart().StartsWith("- alert: ", StringComparison.Ordinal))
            .Select(l => l.Split(": ")[1].Trim()).ToList();
        var tests = File.ReadAllText(Path.Combine(Folder, "alerts.test.yml"));
        Assert.NotEmpty(alerts);
        foreach (var alert in alerts)
            Assert.Contains($"alertname: {alert}\n        exp_alerts:\n          - exp_labels:", tests, StringComparison.Ordinal);
    }

    // PostgreSQL では Npgsql の数も出る
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.PostgreSql)]
    public async Task Promtool_finds_no_problem_in_a_real_scrape(Store store)
    {
        await using var app = new MyPageApp(metrics: true, store: store);
        await app.CreateSeekerAsync("metrics@example.jp", "Right-pass-1");
        using (var client = app.CreateHttpClient())
        {
            await Forms.LoginAsync(client, "metrics@example.jp", "Wrong-pass-1");
            await Forms.LoginAsync(client, "metrics@example.jp", "Right-pass-1");
        }
        var scrape = await Scrape.UntilAsync(app, s => s.Has("mypage_ready") && s.Has("mypage_logins_total")
            && (store == Store.Sqlite || s.Has("db_client_connections")), "サイトの数");

        var (code, output) = await PromtoolAsync(scrape.Text, "check", "metrics");
        Assert.True(code == 0 && output.Trim().Length == 0, output);
    }
}
