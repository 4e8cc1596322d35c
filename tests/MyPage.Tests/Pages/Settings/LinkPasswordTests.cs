using System.Net;
using Microsoft.EntityFrameworkCore;
using MyPage.Pages.Account;
using MyPage.Pages.Settings;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages.Settings;

// 「マイナポータル連携開始」はいまのパスワードが要る（ログインしたまま離れた画面から、他人が自分のマイナポータルをつながないように）。
// その確認もログインと同じ回数で数え、5回誤ればロックする。
public class LinkPasswordTests(Mynaportal.MynaportalFixture fixture) : Mynaportal.MynaportalTest(fixture), IClassFixture<Mynaportal.MynaportalFixture>
{

    private static Task<HttpResponseMessage> StartLinkingAsync(HttpClient client, string? password)
        => Forms.PostAsync(client, "/Settings?handler=Link", password is null ? [] : new() { ["Input.Password"] = password });

    [Theory]
    [InlineData(null, LoginTexts.PasswordRequired)]
    [InlineData("Wrong-pass-1", SettingsTexts.WrongPassword)]
    [InlineData("Ｗｒｏｎｇ-pass-1 ", LoginTexts.PasswordCharacters)]
    public async Task Cannot_start_linking_from_a_signed_in_session_without_the_password(string? password, string message)
    {
        using var client = App.CreateHttpClient();
        await Forms.LoginAsync(client, Email, Password);
        var response = await StartLinkingAsync(client, password);

        // マイナポータルへは向かわず、設定の画面にエラー
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, Html.ErrorSummary(html));
        Assert.DoesNotContain("Wrong-pass-1", html);
        Assert.Equal(0, await App.WithDbAsync(db => db.MynaportalLinks.CountAsync(l => l.SeekerId == SeekerId)));
    }

    [Fact]
    public async Task Can_start_linking_with_the_password_and_go_to_mynaportal()
    {
        using var client = App.CreateHttpClient();
        await Forms.LoginAsync(client, Email, Password);
        var response = await StartLinkingAsync(client, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(sites.MockUrl + "connect/authorize", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Can_lock_the_account_by_wrong_passwords_when_linking_like_at_login()
    {
        using var client = App.CreateHttpClient();
        await Forms.LoginAsync(client, Email, Password);
        for (var i = 1; i <= 5; i++)
        {
            var html = await (await StartLinkingAsync(client, $"Wrong-pass-{i}")).Content.ReadAsStringAsync();
            Assert.Contains(i < 5 ? SettingsTexts.WrongPassword : LoginTexts.Lockout, i < 5 ? Html.ErrorSummary(html) : Html.Lockout(html));
        }

        // ロック中は正しいパスワードでも連携できず、ログインもできない
        Assert.Contains(LoginTexts.Lockout, Html.Lockout(await (await StartLinkingAsync(client, Password)).Content.ReadAsStringAsync()));
        using var other = App.CreateHttpClient();
        Assert.Contains(LoginTexts.Lockout, Html.Lockout(await (await Forms.LoginAsync(other, Email, Password)).Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData(null, LoginTexts.PasswordRequired)]
    [InlineData("Wrong-pass-1", SettingsTexts.WrongPassword)]
    public async Task Cannot_unlink_without_the_password(string? password, string message)
    {
        await App.WithDbAsync(db =>
        {
            db.MynaportalLinks.Add(new() { SeekerId = SeekerId, Issuer = sites.MockUrl.ToString().TrimEnd('/'), Subject = "mynaportal-taro", LinkedAt = DateTimeOffset.FromUnixTimeMilliseconds(1) });
            return db.SaveChangesAsync();
        });
        using var client = App.CreateHttpClient();
        await Forms.LoginAsync(client, Email, Password);
        var response = await Forms.PostAsync(client, "/Settings?handler=Unlink", password is null ? [] : new() { ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.ErrorSummary(await response.Content.ReadAsStringAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.MynaportalLinks.CountAsync(l => l.SeekerId == SeekerId)));

        // 正しいパスワードなら外れ、このセッションは続き、ほかのセッションは終わる
        using var other = App.CreateHttpClient();
        await Forms.LoginAsync(other, Email, Password);
        var done = await Forms.PostAsync(client, "/Settings?handler=Unlink", new() { ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.MynaportalLinks.CountAsync(l => l.SeekerId == SeekerId)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Home")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/Home")).StatusCode);
    }
}
