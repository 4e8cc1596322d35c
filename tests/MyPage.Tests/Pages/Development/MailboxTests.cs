using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MyPage.OneTimePassword;
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
        try
        {
            await using var app = new MyPageApp(environment: "Development", settings: new Dictionary<string, string?>
            {
                ["MyPage:Mail:Transport"] = "Directory",
                ["MyPage:Mail:Directory"] = folder,
            });
            using var client = app.CreateHttpClient();
            await Forms.PostAsync(client, "/Account/ForgotPassword", new() { ["Input.Id"] = "demo@example.jp" });

            var files = await Eventually.ValueAsync(() => Task.FromResult(Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : []),
                found => found.Length > 0, "開発用メールボックスにメールが届く");
            var file = Assert.Single(files);
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

    // README の最初の手順: dotnet run で、デモの求職者でログインすると、ワンタイムパスワードが開発用メールボックスに届く
    [Fact]
    public async Task Can_log_in_as_the_demo_seeker_with_the_code_from_the_development_mailbox()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mypage-mailbox-{Guid.NewGuid():N}");
        try
        {
            // サイトを止めてからフォルダーを消す（ログインのお知らせのメールを、送信者が書いている途中かもしれない）
            await using var app = new MyPageApp(environment: "Development", settings: new Dictionary<string, string?>
            {
                ["MyPage:Mail:Transport"] = "Directory",
                ["MyPage:Mail:Directory"] = folder,
                ["MyPage:Login:OneTimePassword:Enabled"] = "true",
            });
            using var client = app.CreateHttpClient();
            var login = await Forms.LoginAsync(client, "demo@example.jp", "Demo-pass-2026");
            Assert.Equal("/Account/OneTimePassword", login.Headers.Location?.OriginalString);

            var page = await Eventually.ValueAsync(() => client.GetStringAsync("/Development/Mailbox"),
                html => html.Contains(OneTimePasswordMails.Subject, StringComparison.Ordinal), "開発用メールボックスにワンタイムパスワードが届く");
            var code = System.Text.RegularExpressions.Regex.Match(page, "ワンタイムパスワード：([0-9]{6})").Groups[1].Value;
            var done = await Forms.PostAsync(client, "/Account/OneTimePassword", new() { ["Input.Code"] = code });
            Assert.Equal("/Home", done.Headers.Location?.OriginalString);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task Cannot_open_the_mailbox_outside_development(string environment)
    {
        await using var app = new MyPageApp(environment: environment);
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Development/Mailbox")).StatusCode);
    }

    // 画面が 404 を返すのではなく、ルートそのものがない（Development のときだけ規約でルートを持つ）
    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public async Task Has_a_mailbox_route_only_in_development(string environment, bool routed)
    {
        await using var app = new MyPageApp(environment: environment);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText);
        Assert.Equal(routed, routes.Contains("Development/Mailbox"));
    }
}
