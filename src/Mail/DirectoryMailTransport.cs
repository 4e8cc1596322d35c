using Microsoft.Extensions.Options;
using MimeKit;

namespace MyPage.Mail;

// 開発用メールボックス: メールを .eml ファイルとしてフォルダーに置く。
// SMTP サーバーなしで、開発者が認証キーを読める（/Development/Mailbox でも見られる）。
internal sealed class DirectoryMailTransport(IOptions<MailOptions> options, IWebHostEnvironment environment) : IMailTransport
{
    public string Folder => Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        // 同じ Message-ID は同じファイル名（送り直しても二通にならない）
        var name = $"{message.Date.UtcDateTime:yyyyMMddHHmmss}-{Security.Tokens.Sha256Hex(message.MessageId ?? "")[..12]}.eml";
        var temp = Path.Combine(Folder, name + ".tmp");
        await message.WriteToAsync(temp, ct);
        File.Move(temp, Path.Combine(Folder, name), overwrite: true);
    }
}
