namespace MyPage.Housekeeping;

// 1時間ごとの後片付け: 各部品が登録した手順 (IHousekeepingStep) を順に動かす。何を消すかは、表の持ち主の部品が知っている
// （期限切れのセッション、役目を終えたログイン失敗の記録、送ったメール、使い終わった申込み、長く使われていないブラウザ、…）
internal sealed class Housekeeper(IServiceScopeFactory scopes, TimeProvider time, ILogger<Housekeeper> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    // 使い終わった申込み（再登録、開設、ワンタイムパスワードを待つログイン）は、この期間のあとに消す
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
        var now = time.GetUtcNow();
        var removed = new int[Enum.GetValues<Leftover>().Length];
        // どの手順も一つの集合の DELETE … WHERE なので、いくつのインスタンスが同時に動かしてもよい
        foreach (var step in scope.ServiceProvider.GetServices<IHousekeepingStep>())
            removed[(int)step.Kind] += await step.RemoveAsync(now, ct);
        var (sessions, throttles, mails, requests) = (removed[(int)Leftover.Sessions], removed[(int)Leftover.Throttles], removed[(int)Leftover.Mails], removed[(int)Leftover.Requests]);
        if (sessions + throttles + mails + requests > 0) log.Removed(sessions, throttles, mails, requests);
        return (sessions, throttles, mails, requests);
    }
}

internal static class HousekeepingServices
{
    public static IServiceCollection AddHousekeeping(this IServiceCollection services)
        => services.AddSingleton<Housekeeper>().AddHostedService(sp => sp.GetRequiredService<Housekeeper>());

    // 表の持ち主の部品が、自分の AddX() で自分の後片付けを登録する
    public static IServiceCollection AddHousekeepingStep<T>(this IServiceCollection services) where T : class, IHousekeepingStep
        => services.AddScoped<IHousekeepingStep, T>();
}

internal static partial class HousekeeperLog
{
    [LoggerMessage(EventId = 4001, EventName = "HousekeepingRemoved", Level = LogLevel.Information,
        Message = "後片付け: 期限切れセッション {Sessions} 件、ログイン失敗の記録 {Throttles} 件、送信済みメール {Mails} 件、申込み {Requests} 件を削除")]
    public static partial void Removed(this ILogger log, int sessions, int throttles, int mails, int requests);

    [LoggerMessage(EventId = 4002, EventName = "HousekeepingFailed", Level = LogLevel.Error, Message = "後片付けに失敗しました。次の回にもう一度行います。")]
    public static partial void Failed(this ILogger log, Exception e);
}
