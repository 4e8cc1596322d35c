using System.Net;
using MyPage.Pages.Account;
using MyPage.Pages.Register;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages;

// 入力エラーで描き直した画面は、title の先頭が「エラー：」（スクリーンリーダーが最初に読む）。エラーがなければ付かない。
public class ErrorTitleTests(SiteFixture site) : SeekerTest(site), IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/Account/Login", LoginTexts.Title)]
    [InlineData("/Account/ForgotPassword", PasswordResetTexts.RequestTitle)]
    [InlineData("/Register", RegisterTexts.ProvisionalTitle)]
    public async Task Can_hear_that_the_page_has_errors_from_its_title(string path, string title)
    {
        using var client = app.CreateHttpClient();
        Assert.DoesNotContain("<title>エラー：", await client.GetStringAsync(path));
        Assert.Contains($"<title>{title}", await client.GetStringAsync(path));

        var response = await Forms.PostAsync(client, path, []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<title>エラー：{title}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Can_hear_that_withdrawal_failed_from_its_title()
    {
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(client, Email, Password)).StatusCode);
        Assert.DoesNotContain("<title>エラー：", await client.GetStringAsync("/Settings/Withdraw"));

        var response = await Forms.PostAsync(client, "/Settings/Withdraw", new() { ["Input.Password"] = "Wrong-pass-1" });
        Assert.Contains("<title>エラー：退会", await response.Content.ReadAsStringAsync());
    }
}
