using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MyPage.Data;

namespace MyPage.Security;

// 起動したときに、本番で危ない設定を運用者に知らせる（止めはしない）
internal sealed class StartupWarnings(
    IServer server,
    IHostApplicationLifetime lifetime,
    IHostEnvironment environment,
    IConfiguration config,
    Microsoft.Extensions.Options.IOptions<ProxyOptions> proxies,
    ILogger<StartupWarnings> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment()) return Task.CompletedTask;
        if (!DataProtectionCertificate.IsConfigured(config)) log.KeysNotEncrypted(DataProtectionCertificate.Section);
        // 待ち受けのアドレスは起動し終えてから分かる
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var https = addresses.Any(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase));
            if (!https && proxies.Value.KnownProxies.Length == 0) log.NoHttps(string.Join(", ", addresses));
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static partial class StartupWarningLog
{
    [LoggerMessage(EventId = 5001, EventName = "KeysNotEncrypted", Level = LogLevel.Warning,
        Message = "Data Protection の鍵がデータベースに暗号化されずに置かれます。{Setting} に証明書を設定してください。 / Data Protection keys are stored unencrypted; set {Setting}.")]
    public static partial void KeysNotEncrypted(this ILogger log, string setting);

    [LoggerMessage(EventId = 5002, EventName = "NoHttps", Level = LogLevel.Warning,
        Message = "HTTPS の待ち受けも MyPage:KnownProxies もありません ({Addresses})。X-Forwarded-Proto: https を付けるループバックのプロキシがなければ、すべての要求が「HTTPS が必要です」になります。 / No HTTPS endpoint and no known proxy: without a loopback proxy sending X-Forwarded-Proto: https, every request is refused.")]
    public static partial void NoHttps(this ILogger log, string addresses);
}
