using System.Globalization;
using MyPage.Abuse;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Abuse;

// 上限と人の確認を、既定の値（README に書いた値）で試す土台。テストの要求はみな 127.0.0.1 から来る
public abstract class AbuseTest(IReadOnlyDictionary<string, string?>? more = null) : SeekerTest(Defaults(more))
{
    protected static readonly RateLimitOptions Limits = new();

    private static Dictionary<string, string?> Defaults(IReadOnlyDictionary<string, string?>? more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MyPage:RateLimits:FormPostsPerMinute"] = Limits.FormPostsPerMinute.ToString(CultureInfo.InvariantCulture),
            ["MyPage:RateLimits:ClientLoginFailures"] = Limits.ClientLoginFailures.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    // この接続元 (127.0.0.1、または X-Forwarded-For) から、ID をまたいだログインの失敗を上限まで
    protected async Task FailLoginsUpToTheThresholdAsync(string? forwardedFor = null)
    {
        using var client = app.CreateHttpClient();
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        for (var i = 0; i < Limits.ClientLoginFailures; i++)
            await Forms.LoginAsync(client, $"stuffed{i}@example.jp", "Wrong-pass-1");
    }

    protected static Task<HttpResponseMessage> LoginAsync(HttpClient client, string id, string password, string? botCheck = null)
        => Forms.PostAsync(client, "/Account/Login", botCheck is null
            ? new() { ["Input.Id"] = id, ["Input.Password"] = password }
            : new() { ["Input.Id"] = id, ["Input.Password"] = password, ["BotCheck"] = botCheck });
}
