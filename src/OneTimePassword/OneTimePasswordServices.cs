using MyPage.Revocation;

namespace MyPage.OneTimePassword;

public static class OneTimePasswordServices
{
    // ワンタイムパスワード: ID・パスワードのあと、メールで届くコードでログインを済ませる
    public static IServiceCollection AddOneTimePassword(this IServiceCollection services)
    {
        services.AddOptions<OneTimePasswordOptions>().BindConfiguration(OneTimePasswordOptions.Section)
            .Validate(o => o.Lifetime >= TimeSpan.FromMinutes(1) && o.Lifetime <= TimeSpan.FromMinutes(60),
                $"{OneTimePasswordOptions.Section}:Lifetime は1分から60分の間にしてください (must be between 00:01:00 and 01:00:00).")
            .Validate(o => o.Length is >= 6 and <= 9,
                $"{OneTimePasswordOptions.Section}:Length は6から9の間にしてください (must be between 6 and 9).")
            .Validate(o => o.TrustedBrowserDays is >= 0 and <= 400,
                $"{OneTimePasswordOptions.Section}:TrustedBrowserDays は0から400の間にしてください (must be between 0 and 400; 0 turns the option off).")
            .Validate(o => o.MaxWrongEntries is >= 1 and <= 5 && o.MaxResends is >= 0 and <= 10 && o.MailsPerHour >= 1,
                $"{OneTimePasswordOptions.Section}: MaxWrongEntries は1から5、MaxResends は0から10、MailsPerHour は1以上にしてください.")
            .ValidateOnStart();
        services.AddScoped<PendingLogins>();
        services.AddGrantRevoker<WaitingLoginsRevoker>();
        return services;
    }
}
