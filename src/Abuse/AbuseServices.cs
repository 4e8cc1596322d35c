using Microsoft.Extensions.Options;

namespace MyPage.Abuse;

public static class AbuseServices
{
    // 乱用への備え: 接続元ごとの送信の上限、ID をまたいだ失敗の数、人の確認 (MyPage:BotCheck:Provider)
    public static IServiceCollection AddAbuseDefence(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.FormPostsPerMinute >= 1 && o.ClientLoginFailures >= 1 && o.ClientFailureWindow > TimeSpan.Zero,
                $"{RateLimitOptions.Section}: FormPostsPerMinute と ClientLoginFailures は1以上、ClientFailureWindow は正の長さにしてください (must be positive).")
            .ValidateOnStart();
        services.AddOptions<BotCheckOptions>().BindConfiguration(BotCheckOptions.Section)
            .Validate(o => o.Provider != BotCheckProvider.ReCaptcha || (!string.IsNullOrWhiteSpace(o.ReCaptcha.SiteKey) && !string.IsNullOrWhiteSpace(o.ReCaptcha.SecretKey)),
                $"{BotCheckOptions.Section}:Provider が ReCaptcha のときは ReCaptcha:SiteKey と ReCaptcha:SecretKey が要ります (ReCaptcha needs SiteKey and SecretKey).")
            .Validate(o => o.Provider != BotCheckProvider.ReCaptcha || (SafeUrl(o.ReCaptcha.VerifyUrl) && SafeUrl(o.ReCaptcha.ScriptUrl)),
                $"{BotCheckOptions.Section}:ReCaptcha の VerifyUrl と ScriptUrl は https にしてください（http はループバックだけ） (must be https unless loopback).")
            .Validate(o => o.ProofOfWork.MaxNumber is >= 1_000 and <= 10_000_000 && o.ProofOfWork.Lifetime > TimeSpan.Zero,
                $"{BotCheckOptions.Section}:ProofOfWork:MaxNumber は1000から10000000の間にしてください (must be between 1000 and 10000000).")
            .ValidateOnStart();
        services.AddHttpClient<ReCaptchaCheck>();
        services.AddScoped<ProofOfWorkCheck>();
        services.AddScoped<IBotCheck>(sp => sp.GetRequiredService<IOptions<BotCheckOptions>>().Value.Provider switch
        {
            BotCheckProvider.ReCaptcha => sp.GetRequiredService<ReCaptchaCheck>(),
            BotCheckProvider.None => new NoBotCheck(),
            _ => sp.GetRequiredService<ProofOfWorkCheck>(),
        });
        services.AddScoped<ClientFailures>();
        services.AddSingleton<CheckedClients>();
        services.AddScoped<BotGate>();
        services.AddFormRateLimits();
        return services;
    }

    private static bool SafeUrl(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
}
