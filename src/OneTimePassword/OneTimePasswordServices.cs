using MyPage.Housekeeping;
using MyPage.Revocation;
using MyPage.Startup;

namespace MyPage.OneTimePassword;

internal static class OneTimePasswordServices
{
    // ワンタイムパスワード: ID・パスワードのあと、メールで届くコードでログインを済ませる
    public static IServiceCollection AddOneTimePassword(this IServiceCollection services)
    {
        const string section = OneTimePasswordOptions.Section;
        services.AddOptions<OneTimePasswordOptions>().BindConfiguration(section)
            .Refuse(o => o.Lifetime < TimeSpan.FromMinutes(1) || o.Lifetime > TimeSpan.FromMinutes(60),
                o => SettingChecks.Line($"{section}:Lifetime", o.Lifetime, "1分から60分の間にしてください。", "must be between 00:01:00 and 01:00:00."))
            .Refuse(o => o.Length is < 6 or > 9, o => SettingChecks.Line($"{section}:Length", o.Length, "6から9の間にしてください。", "must be between 6 and 9."))
            .Refuse(o => o.TrustedBrowserDays is < 0 or > 400,
                o => SettingChecks.Line($"{section}:TrustedBrowserDays", o.TrustedBrowserDays, "0から400の間にしてください（0 で省略を使わない）。", "must be between 0 and 400 (0 turns the option off)."))
            .Refuse(o => o.MaxWrongEntries is < 1 or > 5, o => SettingChecks.Line($"{section}:MaxWrongEntries", o.MaxWrongEntries, "1から5の間にしてください。", "must be between 1 and 5."))
            .Refuse(o => o.MaxResends is < 0 or > 10, o => SettingChecks.Line($"{section}:MaxResends", o.MaxResends, "0から10の間にしてください。", "must be between 0 and 10."))
            .ValidateOnStart();
        services.AddScoped<PendingLogins>();
        services.AddSingleton<OneTimePasswordMetrics>();
        services.AddGrantRevoker<WaitingLoginsRevoker>();
        services.AddHousekeepingStep<WaitingLoginsCleanup>();
        return services;
    }
}
