using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using Npgsql;

namespace MyPage.Mail;

// PostgreSQL で複数のインスタンスが動くとき: どのインスタンスが送信待ちに行を入れても、すべての送信者をすぐに起こす。
// 行を入れるとトリガーが NOTIFY mypage_outbox を送り（コミットのとき）、ここで LISTEN して OutboxSignal を鳴らす。
// 接続が切れても送信者は見回り (OutboxSender.PollInterval) で送るので、メールは失われない。つなぎ直しは間隔を広げながら。
internal sealed class OutboxListener(IServiceScopeFactory scopes, OutboxSignal signal, ILogger<OutboxListener> log) : BackgroundService
{
    public const string Channel = "mypage_outbox";
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                await using (var connection = new NpgsqlConnection(scope.ServiceProvider.GetRequiredService<MyPageDb>().Database.GetConnectionString()))
                {
                    await connection.OpenAsync(stoppingToken);
                    connection.Notification += (_, _) => signal.Notify();
                    await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                        await listen.ExecuteNonQueryAsync(stoppingToken);
                    retry = TimeSpan.FromSeconds(1);
                    // 聞き始める前に入った行も取りこぼさない
                    signal.Notify();
                    while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                log.ListenFailed(retry, e.Message);
                try { await Task.Delay(retry, stoppingToken); }
                catch (OperationCanceledException) { return; }
                retry = TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, retry.Ticks * 2));
            }
        }
    }
}

internal static partial class OutboxListenerLog
{
    [LoggerMessage(EventId = 2004, EventName = "OutboxListenFailed", Level = LogLevel.Warning,
        Message = "送信待ちの知らせ (LISTEN) を受けられません。{Retry} 後につなぎ直します（メールは見回りで送ります） error={Error}")]
    public static partial void ListenFailed(this ILogger log, TimeSpan retry, string error);
}
