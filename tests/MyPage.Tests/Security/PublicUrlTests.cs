using System.Net;
using Microsoft.EntityFrameworkCore;
using MyPage.Registration;
using MyPage.Security;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Security;

// メールのリンクは MyPage:PublicUrl からだけ作る。ほかの Host の要求は 400 で、何も送らない。
public class PublicUrlTests
{
    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string? host = null)
    {
        return Forms.PostAsync(client, "/Register", new()
        {
            ["Input.Email"] = email,
            ["Input.AgreeTerms"] = "true",
            ["Input.AgreePrivacy"] = "true",
        }, host: host);
    }

    [Fact]
    public async Task Cannot_put_a_forged_host_into_a_mail()
    {
        await using var app = new MyPageApp();
        using var client = app.CreateHttpClient();

        var forged = await RegisterAsync(client, "victim@example.jp", host: "evil.example");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(client, "victim@example.jp")).StatusCode);
        var mail = await app.Smtp.WaitForAsync("victim@example.jp", RegistrationMails.ProvisionalSubject);
        Assert.StartsWith(app.BaseUrl + "Register/Complete?token=", Mails.RegisterUrl(mail), StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Can_build_mail_links_from_the_public_url_not_the_request()
    {
        await using var app = new MyPageApp(settings: new Dictionary<string, string?> { ["MyPage:PublicUrl"] = "https://mypage.example.jp/" });
        using var client = app.CreateHttpClient();
        // 同じ名前でも、要求のポートは使わない
        client.DefaultRequestHeaders.Host = "mypage.example.jp:8443";
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(client, "someone@example.jp")).StatusCode);
        var mail = await app.Smtp.WaitForAsync("someone@example.jp", RegistrationMails.ProvisionalSubject);
        Assert.StartsWith("https://mypage.example.jp/Register/Complete?token=", Mails.RegisterUrl(mail), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cannot_start_in_production_without_a_public_url_and_says_why_in_one_line()
    {
        var (code, _, error) = await SiteProcess.RunAsync(new Dictionary<string, string>());
        Assert.Equal(1, code);
        Assert.Equal(PublicUrlOptions.Missing, error.Trim());
        Assert.Contains("MyPage:PublicUrl is not set", PublicUrlOptions.Missing, StringComparison.Ordinal);
    }
}
