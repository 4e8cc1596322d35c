using System.Net;
using System.Text.RegularExpressions;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Mynaportal;

// OpenID Connect の検査を、ブラウザを使わずに一歩ずつ: state の改ざんはセッションを作らない
public partial class OidcProtocolTests : IAsyncLifetime
{
    private readonly MynaportalSites sites = new();

    public async Task InitializeAsync()
    {
        var seeker = await sites.MyPage.CreateSeekerAsync("seeker@example.jp", "Right-pass-1");
        await sites.MyPage.WithDbAsync(async db =>
        {
            db.MynaportalLinks.Add(new() { SeekerId = seeker.Id, Issuer = sites.MockUrl.ToString().TrimEnd('/'), Subject = "mynaportal-taro", LinkedAt = DateTimeOffset.FromUnixTimeMilliseconds(1) });
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await sites.DisposeAsync();

    [Fact]
    public async Task Can_sign_in_through_the_untouched_callback()
    {
        var (myPage, callback) = await AuthorizeAsync();
        var response = await myPage.GetAsync(callback);
        Assert.Equal("/Mynaportal/Callback", response.Headers.Location?.OriginalString);
        Assert.Equal("/Home", (await myPage.GetAsync("/Mynaportal/Callback")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await myPage.GetAsync("/Home")).StatusCode);
    }

    [Fact]
    public async Task Cannot_sign_in_with_a_tampered_state()
    {
        var (myPage, callback) = await AuthorizeAsync();
        var tampered = StatePattern().Replace(callback, "state=tampered");
        var response = await myPage.GetAsync(tampered);
        Assert.Equal("/Mynaportal/Failed", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("__Host-mypage-session", StringComparison.Ordinal) || c.StartsWith("__Host-mypage-external", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await myPage.GetAsync("/Home")).StatusCode);
    }

    [Fact]
    public async Task Cannot_sign_in_twice_with_the_same_code()
    {
        var (myPage, callback) = await AuthorizeAsync();
        await myPage.GetAsync(callback);

        // 別のブラウザに同じコールバックを持ち込んでも、相関 Cookie がなく、コードも使用済み
        using var attacker = sites.MyPage.CreateHttpClient();
        var replayed = await attacker.GetAsync(callback);
        Assert.Equal("/Mynaportal/Failed", replayed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.GetAsync("/Home")).StatusCode);
    }

    // My Page で開始 → 模擬マイナポータルでログイン → 認可コード付きのコールバック URL まで
    private async Task<(HttpClient MyPage, string Callback)> AuthorizeAsync()
    {
        var myPage = sites.MyPage.CreateHttpClient();
        var start = await myPage.GetAsync("/Mynaportal/Start");
        var authorize = start.Headers.Location!.ToString();
        Assert.StartsWith(sites.MockUrl + "connect/authorize", authorize);
        Assert.Contains("code_challenge_method=S256", authorize);

        using var portal = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = sites.MockUrl };
        var loginPage = await portal.GetStringAsync("/login");
        var field = MockTokenPattern().Match(loginPage);
        await portal.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value),
            ["subject"] = "mynaportal-taro",
        }));
        var code = await portal.GetAsync(authorize);
        var callback = code.Headers.Location!.ToString();
        Assert.StartsWith(sites.MyPage.BaseUrl + "signin-mynaportal?", callback);
        return (myPage, callback);
    }

    [GeneratedRegex("state=[^&]+")]
    private static partial Regex StatePattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex MockTokenPattern();
}
