using MimeKit;

namespace MyPage.Mail;

// 一通のメールを実際に送る部品（SMTP か、開発用メールボックスのフォルダー）
internal interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
