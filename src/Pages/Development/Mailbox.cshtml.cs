using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;
using MyPage.Mail;

namespace MyPage.Pages.Development;

// 開発用メールボックス（Development のときだけ）。SMTP なしで届いたメールと認証キーを読める。
[AllowAnonymous]
// ルートは Development のときだけ (PagesServices の規約)。ほかの環境では、この画面に届く URL がない
internal class MailboxModel(DirectoryMailTransport mailbox) : PageModel
{
    public sealed record Mail(string To, string Subject, DateTimeOffset Date, string Body);

    public List<Mail> Mails { get; } = [];
    public string Folder => mailbox.Folder;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Directory.Exists(Folder)) return Page();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.eml").OrderDescending().Take(50))
        {
            var message = await MimeMessage.LoadAsync(file, ct);
            Mails.Add(new(message.To.ToString(), message.Subject ?? "", message.Date, message.TextBody ?? ""));
        }
        return Page();
    }
}
