using MyPage.PasswordReset;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.PasswordReset;

// mypage_password_resets_total{event}: S2 の申込み、認証キーのメール、合わないキー、S3 での完了
public class PasswordResetMetricsTests
{
    private const string Email = "metrics@example.jp";
    private const string Resets = "mypage_password_resets_total";

    private static Task<HttpResponseMessage> CompleteAsync(HttpClient client, string key)
        => Forms.PostAsync(client, "/Account/ResetPassword", new() { ["Input.NewPassword"] = "New-pass-2026", ["Input.ConfirmPassword"] = "New-pass-2026", ["Input.Key"] = key });

    [Fact]
    public async Task A_reset_requested_mailed_refused_once_and_completed_is_counted()
    {
        await using var app = new MyPageApp(metrics: true);
        await app.CreateSeekerAsync(Email, "Right-pass-1");
        using var client = app.CreateHttpClient();

        await Forms.PostAsync(client, "/Account/ForgotPassword", new() { ["Input.Id"] = Email });
        // 登録のない ID の申込みも申込み（メールは送らない）
        using (var other = app.CreateHttpClient())
            await Forms.PostAsync(other, "/Account/ForgotPassword", new() { ["Input.Id"] = "nobody@example.jp" });
        var key = Mails.Key(await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject));
        await CompleteAsync(client, key == "00000000" ? "11111111" : "00000000");
        await CompleteAsync(client, key);

        var scrape = await app.ScrapeAsync();
        Assert.Equal(2, scrape.Value(Resets, "event=requested"));
        Assert.Equal(1, scrape.Value(Resets, "event=mailed"));
        Assert.Equal(1, scrape.Value(Resets, "event=refused"));
        Assert.Equal(1, scrape.Value(Resets, "event=completed"));
    }
}
