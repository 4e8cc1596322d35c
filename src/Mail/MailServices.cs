using Microsoft.Extensions.Options;

namespace MyPage.Mail;

public static class MailServices
{
    // メール: 送信待ちの表 (Outbox) に積み、OutboxSender が SMTP (MailKit) か開発用メールボックスへ送る
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<MailOptions>(config.GetSection("MyPage:Mail"));
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<DirectoryMailTransport>();
        services.AddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<IOptions<MailOptions>>().Value.Transport.Equals("Directory", StringComparison.OrdinalIgnoreCase)
                ? sp.GetRequiredService<DirectoryMailTransport>()
                : sp.GetRequiredService<SmtpMailTransport>());
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        // PostgreSQL（複数のインスタンス）: ほかのインスタンスが積んだメールでも、NOTIFY ですぐに起きる
        if (MyPage.Data.DatabaseOptions.ProviderFrom(config) == MyPage.Data.DatabaseProvider.PostgreSQL)
            services.AddHostedService<OutboxListener>();
        return services;
    }
}
