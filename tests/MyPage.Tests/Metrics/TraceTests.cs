using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Metrics;
using MyPage.PasswordReset;
using MyPage.Tests.Infrastructure;
using OpenTelemetry.Trace;

namespace MyPage.Tests.Metrics;

// 追跡: サイトの追跡の設定 (AddSiteSpans: OTLP のときと同じ) に、メモリーへの書き出し先をつないで、一つのログインを見る。
// 同じプロセスのほかのサイトの span も聞こえるので、このサイトのポートの要求の追跡だけを見る
public class TraceTests
{
    [Theory]
    [InlineData(Store.Sqlite, "sqlite")]
    [InlineData(Store.PostgreSql, "postgresql")]
    public async Task A_login_is_a_request_span_with_database_child_spans(Store store, string database)
    {
        var spans = new List<Activity>();
        await using var app = new MyPageApp(store: store, services: s => s.AddOpenTelemetry().WithTracing(t => t.AddSiteSpans().AddInMemoryExporter(spans)));
        await app.CreateSeekerAsync("trace@example.jp", "Right-pass-1");
        using (var client = app.CreateHttpClient())
            await Forms.LoginAsync(client, "trace@example.jp", "Right-pass-1");

        var login = await Eventually.ValueAsync(() => Task.FromResult(Snapshot(spans).FirstOrDefault(s =>
                s.Kind == ActivityKind.Server && s.DisplayName == "POST Account/Login" && Equals(s.GetTagItem("server.port"), app.BaseUrl.Port))),
            s => s is not null, "ログインの要求の span");
        var children = await Eventually.ValueAsync(() => Task.FromResult(Snapshot(spans).Where(s => s.ParentSpanId == login!.SpanId).ToList()),
            c => c.Any(s => Equals(s.GetTagItem("db.system.name") ?? s.GetTagItem("db.system"), database)), "データベースの子の span");

        Assert.All(children, c => Assert.Equal(login!.TraceId, c.TraceId));
        Assert.True(children.Count(s => Equals(s.GetTagItem("db.system.name") ?? s.GetTagItem("db.system"), database)) >= 3,
            string.Join(", ", children.Select(c => c.DisplayName)));
        // 載せるのは決まった名前と文の種類だけ（ID もパスワードも span にない）
        Assert.DoesNotContain(Snapshot(spans).SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains("trace@example.jp", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_mail_sent_is_an_smtp_span()
    {
        var spans = new List<Activity>();
        await using var app = new MyPageApp(services: s => s.AddOpenTelemetry().WithTracing(t => t.AddSiteSpans().AddInMemoryExporter(spans)));
        await app.CreateSeekerAsync("trace@example.jp", "Right-pass-1");
        using (var client = app.CreateHttpClient())
            await Forms.PostAsync(client, "/Account/ForgotPassword", new() { ["Input.Id"] = "trace@example.jp" });
        await app.Smtp.WaitForAsync("trace@example.jp", ResetMails.RequestSubject);

        await Eventually.TrueAsync(() => Snapshot(spans).Any(s => s.DisplayName == "smtp send" && Equals(s.GetTagItem("server.port"), app.Smtp.Port)), "SMTP の span");
    }

    // 書き出し先は span が終わるたびに別のスレッドで足す: 写すのに失敗したら写し直す
    private static List<Activity> Snapshot(List<Activity> spans)
    {
        while (true)
        {
            try
            {
                return [.. spans];
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
            }
        }
    }
}
