using System.Net;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Passkeys;

// パスキーの問題を出す要求と答えは S1 の送信: ID・パスワードと同じ、接続元ごとの上限で数える（一つのバケツ）
public sealed class PasskeyRateLimitTests : IAsyncLifetime
{
    private readonly MyPageApp app = new(settings: new Dictionary<string, string?> { ["MyPage:RateLimits:FormPostsPerMinute"] = "3" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Counts_passkey_options_and_answers_in_the_login_forms_rate_limit()
    {
        TestClient.UseNew();
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await Forms.PostAsync(client, "/Account/Login?handler=PasskeyOptions", [])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Forms.PostAsync(client, "/Account/Login?handler=Passkey", new() { ["Credential"] = "{}" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Forms.LoginAsync(client, "nobody@example.jp", "Wrong-pass-1")).StatusCode);
        var refused = await Forms.PostAsync(client, "/Account/Login?handler=PasskeyOptions", []);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
