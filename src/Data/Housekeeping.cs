using Microsoft.EntityFrameworkCore;
using MyPage.Account;

namespace MyPage.Data;

// 1時間ごとの後片付け: 期限切れのセッションと、役目を終えたログイン失敗の記録を消す
public sealed class Housekeeping(IServiceScopeFactory scopes, TimeProvider time, ILogger<Housekeeping> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "後片付けに失敗しました。次の回にもう一度行います。");
            }
        }
    }

    public async Task<(int Sessions, int Throttles)> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MyPageDb>();
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var sessions = await db.Sessions.Where(s => s.ExpiresAt != null && s.ExpiresAt <= nowMs).ExecuteDeleteAsync(ct);
        var throttles = await scope.ServiceProvider.GetRequiredService<LoginThrottleStore>().PurgeAsync(now, ct);
        if (sessions + throttles > 0)
            log.LogInformation("後片付け: 期限切れセッション {Sessions} 件、ログイン失敗の記録 {Throttles} 件を削除", sessions, throttles);
        return (sessions, throttles);
    }
}
