using System.Net;
using MyPage.PasswordReset;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages.Development;

// 開発用メールボックス: Development では .eml ファイルとページで認証キーが読める。ほかの環境にはない。
public class MailboxTests
{
    [Fact]
    public async Task Can_read_the_key_in_the_development_mailbox()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mypage-mailbox-{Guid.NewGuid():N}");
        await using var app = new MyPageApp(environment: "Development", settings: new Dictionary<string, string?>
        {
            ["MyPage:Mail:Transport"] = "Directory",
            ["MyPage:Mail:Directory"] = folder,
        });
        try
        {
            using var client = app.CreateHttpClient();
            await Forms.PostAsync(client, "/Account/ForgotPassword", new() { ["Input.Id"] = "demo@example.jp" });

            for (var i = 0; i < 200 && (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.eml").Length == 0); i++) await Task.Delay(50);
            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            Assert.Equal(ResetMails.RequestSubject, message.Subject);
            var key = Mails.Key(message);

            var page = await client.GetStringAsync("/Development/Mailbox");
            Assert.Contains(ResetMails.RequestSubject, page);
            Assert.Contains($"認証キー：{key}", page);
            Assert.Empty(app.Smtp.Messages);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Cannot_open_the_mailbox_outside_development()
    {
        await using var app = new MyPageApp();
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Development/Mailbox")).StatusCode);
    }
}
