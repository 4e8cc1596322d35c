using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MyPage.Mail;

// MailKit で SMTP サーバーへ送る
internal sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
            throw new InvalidOperationException("MyPage:Mail:Smtp:Host が設定されていません。メールは送信待ちのまま残ります。");
        // SMTP の span（送信者は要求の外で動くので、メール一通が一つの追跡）。宛先は載せない
        using var span = MyPage.Metrics.SiteTelemetry.Spans.StartActivity("smtp send", System.Diagnostics.ActivityKind.Client);
        span?.SetTag("server.address", smtp.Host);
        span?.SetTag("server.port", smtp.Port);
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = !smtp.UseTls ? SecureSocketOptions.None
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
