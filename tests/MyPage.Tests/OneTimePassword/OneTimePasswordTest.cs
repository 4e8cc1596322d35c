using System.Net;
using MyPage.OneTimePassword;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.OneTimePassword;

// ワンタイムパスワードを使う（実際のサービスと同じ既定の）サイトでのテストの土台
public abstract class OneTimePasswordTest(SiteFixture site) : SeekerTest(site)
{
    protected const string CodePage = "/Account/OneTimePassword";
    protected static readonly TimeSpan Lifetime = new OneTimePasswordOptions().Lifetime;

    // ID・パスワードを送り、コードの画面へ進むところまで。届いたメールの数を数えて、このログインのコードを返す
    protected async Task<string> PasswordStepAsync(HttpClient client, int mailNumber = 1)
    {
        var response = await Forms.LoginAsync(client, Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CodePage, response.Headers.Location?.OriginalString);
        return Mails.Code(await app.Smtp.WaitForAsync(Email, OneTimePasswordMails.Subject, mailNumber));
    }

    protected static Task<HttpResponseMessage> SendCodeAsync(HttpClient client, string code, bool trust = false, bool htmx = false)
        => Forms.PostAsync(client, CodePage, new() { ["Input.Code"] = code, ["Input.Trust"] = trust ? "true" : "false" }, htmx);

    protected static Task<HttpResponseMessage> ResendAsync(HttpClient client)
        => Forms.PostAsync(client, CodePage + "?handler=Resend", []);

    protected static async Task<bool> SignedInAsync(HttpClient client)
        => (await client.GetAsync("/Home")).StatusCode == HttpStatusCode.OK;

    // ブラウザが持つ、待っているログインの参照（同じ参照を別の「ブラウザ」から送る試験のため）
    protected static Cookie PendingCookie(CookieContainer cookies, MyPageApp app)
        => cookies.GetCookies(app.BaseUrl).Single(c => c.Name == PendingLogins.CookieName);
}

// ワンタイムパスワードを使うサイト（テストクラスで共有）
public class OneTimePasswordSite : SiteFixture
{
    public OneTimePasswordSite() : this(null) { }

    protected OneTimePasswordSite(IReadOnlyDictionary<string, string?>? more) : base(Settings(more)) { }

    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? more = null)
        => new(more ?? new Dictionary<string, string?>()) { ["MyPage:Login:OneTimePassword:Enabled"] = "true" };
}
