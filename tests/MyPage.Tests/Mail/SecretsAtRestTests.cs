using System.Text;
using Microsoft.EntityFrameworkCore;
using MyPage.Mail;
using MyPage.PasswordReset;
using MyPage.Registration;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Mail;

// 使える秘密をデータベースに残さない: 認証キーと本登録の URL は、送るまでは Data Protection で保護し、送ったら本文ごと消す
public class SecretsAtRestTests
{
    private const string Email = "seeker@example.jp";

    [Fact]
    public async Task Cannot_find_the_key_in_the_database_before_or_after_the_mail_is_sent()
    {
        await using var app = new MyPageApp(smtpUp: false);
        await app.CreateSeekerAsync(Email, "Right-pass-1");
        using var client = app.CreateHttpClient();
        await Forms.PostAsync(client, "/Account/ForgotPassword", new() { ["Input.Id"] = Email });

        // 送れない間: 本文には印だけ、秘密は保護された形
        var waiting = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync());
        Assert.Contains("認証キー：" + MailText.Secret, waiting.Body, StringComparison.Ordinal);
        Assert.StartsWith("CfDJ8", waiting.Secret, StringComparison.Ordinal);

        app.Smtp.Start();
        var key = Mails.Key(await LetTimePassUntilAsync(app, Email, ResetMails.RequestSubject));
        Assert.DoesNotContain(key, waiting.Secret, StringComparison.Ordinal);

        // 送ったあと: 本文も秘密も消え、記録（宛先・件名・Message-ID・時刻）だけが残る
        var sent = await Eventually.ValueAsync(() => app.WithDbAsync(db => db.OutboxMessages.SingleAsync()), m => m.SentAt is not null, "送信済みの記録");
        Assert.Null(sent.Body);
        Assert.Null(sent.Secret);
        Assert.Equal(Email, sent.To);
        Assert.Equal(ResetMails.RequestSubject, sent.Subject);
        Assert.NotEmpty(sent.MessageId);
        AssertNotInDatabaseFiles(app, "認証キー：" + key);
    }

    [Fact]
    public async Task Cannot_find_the_registration_link_in_the_database_after_it_is_sent()
    {
        await using var app = new MyPageApp();
        using var client = app.CreateHttpClient();
        await Forms.PostAsync(client, "/Register", new() { ["Input.Email"] = "new@example.jp", ["Input.AgreeTerms"] = "true", ["Input.AgreePrivacy"] = "true" });
        var url = Mails.RegisterUrl(await app.Smtp.WaitForAsync("new@example.jp", RegistrationMails.ProvisionalSubject));
        await Eventually.ValueAsync(() => app.WithDbAsync(db => db.OutboxMessages.SingleAsync()), m => m.SentAt is not null, "送信済みの記録");
        AssertNotInDatabaseFiles(app, Mails.RegisterToken(new Uri(url).PathAndQuery));
    }

    // SQLite のファイル（WAL も）のどこにもその文字列がない
    private static void AssertNotInDatabaseFiles(MyPageApp app, string secret)
    {
        var needle = Encoding.UTF8.GetBytes(secret);
        foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            Assert.True(memory.ToArray().AsSpan().IndexOf(needle) < 0, $"{Path.GetFileName(file)} に秘密が残っています");
        }
    }

    private static async Task<MimeKit.MimeMessage> LetTimePassUntilAsync(MyPageApp app, string to, string subject)
    {
        for (var i = 0; i < 20 && app.Smtp.For(to, subject).Count == 0; i++)
        {
            app.Time.Advance(OutboxSender.MaxBackoff);
            await Task.Delay(100);
        }
        return await app.Smtp.WaitForAsync(to, subject);
    }
}
