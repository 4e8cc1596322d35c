using Microsoft.EntityFrameworkCore;
using MyPage.Abuse;
using MyPage.Account;
using MyPage.Data;

namespace MyPage.Housekeeping;

// 1時間ごとの後片付け: 期限切れのセッション、役目を終えたログイン失敗の記録、送ったメール、使い終わった申込み
// （再登録、開設、ワンタイムパスワードを待つログイン）、長く使われていないブラウザを消す
public sealed class Housekeeper(IServiceScopeFactory scopes, TimeProvider time, ILogger<Housekeeper> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    // 送ったメール（宛先と本文は個人の情報）と、使い終わった申込みは、この期間のあとに消す
    public static readonly TimeSpan KeepSentMail = TimeSpan.FromDays(7);
    public static readonly TimeSpan KeepRequests = TimeSpan.FromDays(2);

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
                log.Failed(e);
            }
        }
    }

    public async Task<(int Sessions, int Throttles, int Mails, int Requests)> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MyPageDb>();
        var now = time.GetUtcNow();
        var sessions = await db.Sessions.Where(s => s.ExpiresAt != null && s.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var throttles = await scope.ServiceProvider.GetRequiredService<LoginThrottleStore>().PurgeAsync(now, ct)
            + await scope.ServiceProvider.GetRequiredService<ClientFailures>().PurgeAsync(now, ct)
            + await CheckPasses.PurgeAsync(db, now, ct);
        var sentBefore = now - KeepSentMail;
        var mails = await db.OutboxMessages.Where(m => (m.SentAt != null && m.SentAt <= sentBefore) || (m.FailedAt != null && m.FailedAt <= sentBefore))
            .ExecuteDeleteAsync(ct);
        var requestsBefore = now - KeepRequests;
        var requests = await db.PasswordResetRequests.Where(r => r.ExpiresAt <= requestsBefore).ExecuteDeleteAsync(ct)
            + await db.RegistrationRequests.Where(r => r.ExpiresAt <= requestsBefore).ExecuteDeleteAsync(ct)
            + await db.PendingLogins.Where(p => p.ExpiresAt <= requestsBefore).ExecuteDeleteAsync(ct)
            + await db.PendingMynaportalSignIns.Where(p => p.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        // ブラウザの Cookie の寿命を過ぎて使われていない、省略もしていないブラウザは、もう来ない
        var browsersBefore = now - Sessions.Browsers.CookieLifetime;
        requests += await db.SeekerBrowsers.Where(b => b.LastSeenAt <= browsersBefore && (b.TrustedUntil == null || b.TrustedUntil <= now))
            .ExecuteDeleteAsync(ct);
        if (sessions + throttles + mails + requests > 0) log.Removed(sessions, throttles, mails, requests);
        return (sessions, throttles, mails, requests);
    }
}

public static class HousekeepingServices
{
    public static IServiceCollection AddHousekeeping(this IServiceCollection services)
        => services.AddSingleton<Housekeeper>().AddHostedService(sp => sp.GetRequiredService<Housekeeper>());
}

internal static partial class HousekeeperLog
{
    [LoggerMessage(EventId = 4001, EventName = "HousekeepingRemoved", Level = LogLevel.Information,
        Message = "後片付け: 期限切れセッション {Sessions} 件、ログイン失敗の記録 {Throttles} 件、送信済みメール {Mails} 件、申込み {Requests} 件を削除")]
    public static partial void Removed(this ILogger log, int sessions, int throttles, int mails, int requests);

    [LoggerMessage(EventId = 4002, EventName = "HousekeepingFailed", Level = LogLevel.Error, Message = "後片付けに失敗しました。次の回にもう一度行います。")]
    public static partial void Failed(this ILogger log, Exception e);
}
