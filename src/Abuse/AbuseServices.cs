using System.Reflection;
using Microsoft.Extensions.Options;
using MyPage.Housekeeping;
using MyPage.Startup;

namespace MyPage.Abuse;

internal static class AbuseServices
{
    // 乱用への備え: 要求の上限（送信、ログインの失敗、再登録・開設・ワンタイムパスワードのメール: MyPage:RateLimits）、
    // 人の確認 (MyPage:BotCheck:Provider)
    public static IServiceCollection AddAbuseDefence(this IServiceCollection services, IHostEnvironment environment)
    {
        const string limits = RateLimitOptions.Section, check = BotCheckOptions.Section;
        var rateLimits = services.AddOptions<RateLimitOptions>().BindConfiguration(limits);
        // 数の上限は、どれも1以上（0 では誰も送れない）。上限を足せば、ここで確かめられる
        foreach (var count in typeof(RateLimitOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(int)))
            rateLimits.Refuse(o => (int)count.GetValue(o)! < 1, o => SettingChecks.Line($"{limits}:{count.Name}", count.GetValue(o), "1以上にしてください。", "must be at least 1."));
        rateLimits
            .Refuse(o => o.ClientFailureWindow <= TimeSpan.Zero, o => SettingChecks.Line($"{limits}:ClientFailureWindow", o.ClientFailureWindow, "0より長くしてください（例 00:10:00）。", "must be positive."))
            .Moved("MyPage:Login:OneTimePassword:MailsPerHour", $"{limits}:OneTimePasswordMailsPerHour")
            .ValidateOnStart();
        services.AddOptions<BotCheckOptions>().BindConfiguration(check)
            // 確認なしは開発のときだけ（本番で「None」にすると、パスワードの総当たりを止めるものが人の確認のほかにない接続元が出る）
            .Refuse(o => o.Provider == BotCheckProvider.None && !environment.IsDevelopment(),
                o => SettingChecks.Line($"{check}:Provider", o.Provider, "None（確認なし）は開発のときだけです。ProofOfWork か ReCaptcha にしてください。", "None is for development only; use ProofOfWork or ReCaptcha."))
            .Refuse(o => o.Provider == BotCheckProvider.ReCaptcha && (string.IsNullOrWhiteSpace(o.ReCaptcha.SiteKey) || string.IsNullOrWhiteSpace(o.ReCaptcha.SecretKey)),
                o => SettingChecks.Line($"{check}:ReCaptcha:SiteKey", o.ReCaptcha.SiteKey, "Provider が ReCaptcha のときは ReCaptcha:SiteKey と ReCaptcha:SecretKey が要ります。", "ReCaptcha needs SiteKey and SecretKey."))
            .Refuse(o => o.Provider == BotCheckProvider.ReCaptcha && !SettingChecks.IsHttpsOrLoopback(o.ReCaptcha.VerifyUrl.OriginalString),
                o => SettingChecks.Line($"{check}:ReCaptcha:VerifyUrl", o.ReCaptcha.VerifyUrl, "https の URL にしてください（http はループバックだけ）。", "must be https unless loopback."))
            .Refuse(o => o.Provider == BotCheckProvider.ReCaptcha && !SettingChecks.IsHttpsOrLoopback(o.ReCaptcha.ScriptUrl.OriginalString),
                o => SettingChecks.Line($"{check}:ReCaptcha:ScriptUrl", o.ReCaptcha.ScriptUrl, "https の URL にしてください（http はループバックだけ）。", "must be https unless loopback."))
            .Refuse(o => o.ReCaptcha.MinimumScore is < 0 or > 1,
                o => SettingChecks.Line($"{check}:ReCaptcha:MinimumScore", o.ReCaptcha.MinimumScore, "0から1の間にしてください。", "must be between 0 and 1."))
            .Refuse(o => o.ReCaptcha.Timeout <= TimeSpan.Zero || o.ReCaptcha.Timeout > TimeSpan.FromMinutes(1),
                o => SettingChecks.Line($"{check}:ReCaptcha:Timeout", o.ReCaptcha.Timeout, "0より長く、1分以下にしてください。", "must be positive and at most 00:01:00."))
            .Refuse(o => o.Wait < TimeSpan.FromSeconds(5) || o.Wait > TimeSpan.FromMinutes(5),
                o => SettingChecks.Line($"{check}:Wait", o.Wait, "5秒から5分の間にしてください。", "must be between 00:00:05 and 00:05:00."))
            .Refuse(o => o.ProofOfWork.MaxNumber is < 1_000 or > 10_000_000,
                o => SettingChecks.Line($"{check}:ProofOfWork:MaxNumber", o.ProofOfWork.MaxNumber, "1000から10000000の間にしてください。", "must be between 1000 and 10000000."))
            .Refuse(o => o.ProofOfWork.Lifetime <= TimeSpan.Zero,
                o => SettingChecks.Line($"{check}:ProofOfWork:Lifetime", o.ProofOfWork.Lifetime, "0より長くしてください（例 00:10:00）。", "must be positive."))
            .ValidateOnStart();
        services.AddHttpClient<ReCaptchaCheck>();
        services.AddScoped<CheckPasses>();
        services.AddScoped<ProofOfWorkCheck>();
        services.AddScoped<WaitCheck>();
        services.AddScoped<IBotCheck>(sp => sp.GetRequiredService<IOptions<BotCheckOptions>>().Value.Provider switch
        {
            BotCheckProvider.ReCaptcha => sp.GetRequiredService<ReCaptchaCheck>(),
            BotCheckProvider.None => new NoBotCheck(),
            _ => sp.GetRequiredService<ProofOfWorkCheck>(),
        });
        services.AddScoped<ClientFailures>();
        services.AddHousekeepingStep<ClientFailuresCleanup>();
        services.AddHousekeepingStep<UsedBotChallengesCleanup>();
        services.AddSingleton<CheckedClients>();
        services.AddScoped<BotGate>();
        services.AddSingleton<AbuseMetrics>();
        services.AddFormRateLimits();
        return services;
    }
}
