using System.Globalization;
using MyPage.Abuse;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Abuse;

// 上限と人の確認を、既定の値（README に書いた値）で試す土台。テストごとの接続元のアドレス (TestClient) から来る
public abstract class AbuseTest(SiteFixture site) : SeekerTest(site)
{
    private protected static readonly RateLimitOptions Limits = new();

    public static Dictionary<string, string?> Defaults(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MyPage:RateLimits:FormPostsPerMinute"] = Limits.FormPostsPerMinute.ToString(CultureInfo.InvariantCulture),
            ["MyPage:RateLimits:ClientLoginFailures"] = Limits.ClientLoginFailures.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    // この接続元（このテストのアドレス、または X-Forwarded-For）から、ID をまたいだログインの失敗を上限まで
    protected async Task FailLoginsUpToTheThresholdAsync(string? forwardedFor = null)
    {
        using var client = app.CreateHttpClient();
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        for (var i = 0; i < Limits.ClientLoginFailures; i++)
            await Forms.LoginAsync(client, $"stuffed{i}-{Email}", "Wrong-pass-1");
    }

    protected static Task<HttpResponseMessage> LoginAsync(HttpClient client, string id, string password, string? botCheck = null)
        => Forms.PostAsync(client, "/Account/Login", botCheck is null
            ? new() { ["Input.Id"] = id, ["Input.Password"] = password }
            : new() { ["Input.Id"] = id, ["Input.Password"] = password, ["BotCheck"] = botCheck });

    // S2 に ID（と人の確認の答え）を送る
    protected static Task<HttpResponseMessage> RequestResetAsync(HttpClient client, string id, string? botCheck = null)
        => Forms.PostAsync(client, "/Account/ForgotPassword", botCheck is null ? new() { ["Input.Id"] = id } : new() { ["Input.Id"] = id, ["BotCheck"] = botCheck });
}

// 上限と人の確認が既定の値のサイト（テストクラスで共有）
public class AbuseSite : SiteFixture
{
    public AbuseSite() : this(null) { }

    protected AbuseSite(IReadOnlyDictionary<string, string?>? more, Store store = Store.Sqlite) : base(AbuseTest.Defaults(more), store) { }
}

// 人の確認を reCAPTCHA（本物の HTTP で答える偽の siteverify）で通すサイト。上限や天井を試すテストのため: 計算による確認は、
// 通るたびに問題が倍になり、テストの側で解くのに一つのクラスで十数秒の CPU を食う（その倍は ProofOfWorkTests が試す）
public class ReCaptchaAbuseSite : AbuseSite
{
    protected ReCaptchaAbuseSite(Store store = Store.Sqlite, IReadOnlyDictionary<string, string?>? more = null) : this(new FakeReCaptcha(), store, more) { }

    private ReCaptchaAbuseSite(FakeReCaptcha google, Store store, IReadOnlyDictionary<string, string?>? more)
        : base(google.Settings().Concat(more ?? new Dictionary<string, string?>()).ToDictionary(), store) => Google = google;

    public FakeReCaptcha Google { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Google.DisposeAsync();
    }
}
