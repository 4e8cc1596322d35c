using Microsoft.Extensions.Options;
using MyPage.Housekeeping;
using MyPage.Startup;

namespace MyPage.Mail;

internal static class MailServices
{
    // メール: 送信待ちの表 (Outbox) に積み、OutboxSender が SMTP (MailKit) か開発用メールボックスへ送る
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration config)
    {
        const string section = "MyPage:Mail";
        services.AddOptions<MailOptions>().Bind(config.GetSection(section))
            .Refuse(o => !o.Transport.Equals("Smtp", StringComparison.OrdinalIgnoreCase) && !o.Transport.Equals("Directory", StringComparison.OrdinalIgnoreCase),
                o => SettingChecks.Line($"{section}:Transport", o.Transport, "Smtp か Directory にしてください。", "must be Smtp or Directory."))
            .Refuse(o => !MyPage.Account.MailAddress.IsValid(o.From),
                o => SettingChecks.Line($"{section}:From", o.From, "差出人のメールアドレス（例 system@mail.hellowork.mhlw.go.jp）にしてください。", "must be a mail address."))
            .Refuse(o => o.Smtp.Port is < 1 or > 65535,
                o => SettingChecks.Line($"{section}:Smtp:Port", o.Smtp.Port, "1から65535の間にしてください（ふつうは 587、TLS で接続するなら 465）。", "must be between 1 and 65535."))
            .Refuse(o => !o.Smtp.UseTls && !string.IsNullOrWhiteSpace(o.Smtp.Host) && !SettingChecks.IsLoopbackHost(o.Smtp.Host),
                o => SettingChecks.Line($"{section}:Smtp:UseTls", false, $"TLS なしで送れるのはループバックの中継だけです (Smtp:Host={o.Smtp.Host})。true にしてください。", $"false is only for a relay on loopback (Smtp:Host={o.Smtp.Host})."))
            .ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddHousekeepingStep<SentMailCleanup>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<DirectoryMailTransport>();
        services.AddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<IOptions<MailOptions>>().Value.Transport.Equals("Directory", StringComparison.OrdinalIgnoreCase)
                ? sp.GetRequiredService<DirectoryMailTransport>()
                : sp.GetRequiredService<SmtpMailTransport>());
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<MyPage.Metrics.ISiteGauges>(s => s.GetRequiredService<OutboxMetrics>());
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        // PostgreSQL（複数のインスタンス）: ほかのインスタンスが積んだメールでも、NOTIFY ですぐに起きる
        if (MyPage.Data.DatabaseOptions.ProviderFrom(config) == MyPage.Data.DatabaseProvider.PostgreSQL)
            services.AddHostedService<OutboxListener>();
        return services;
    }
}
