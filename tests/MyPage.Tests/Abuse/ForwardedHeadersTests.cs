using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Abuse;

// 接続元のアドレス: X-Forwarded-For は信頼するプロキシ（ループバックと MyPage:KnownProxies）から来たときだけ使う。IPv6 は /64 ごと
public class ForwardedHeadersTests(AbuseSite site) : AbuseTest(site), IClassFixture<AbuseSite>
{
    // 信頼するプロキシが伝えた接続元ごとに数える。IPv6 は /64 が同じなら同じ接続元
    [Theory]
    [InlineData("198.51.100.7", "198.51.100.7", "198.51.100.8")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:fffe", "2001:db8:1:3::1")]
    public async Task Forwarded_addresses_from_a_trusted_proxy_are_counted_apart_and_ipv6_by_its_64_bit_prefix(string failing, string same, string other)
    {
        await FailLoginsUpToTheThresholdAsync(forwardedFor: failing);
        using var sameClient = Forwarded(same);
        using var otherClient = Forwarded(other);
        Assert.True(BotChecks.Asked(await sameClient.GetStringAsync("/Account/Login")));
        Assert.False(BotChecks.Asked(await otherClient.GetStringAsync("/Account/Login")));
    }

    private HttpClient Forwarded(string address)
    {
        var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}

// 信頼しないところから来た X-Forwarded-For は無視する: 自分でアドレスを選んで上限を逃れられない
public class UntrustedForwardedHeadersTests(UntrustedForwardedHeadersTests.Site site) : AbuseTest(site), IClassFixture<UntrustedForwardedHeadersTests.Site>
{
    public sealed class Site() : AbuseSite(new Dictionary<string, string?> { ["MyPage:TrustLoopbackProxy"] = "false" });

    [Fact]
    public async Task Forwarded_for_from_an_untrusted_peer_is_ignored()
    {
        using var client = app.CreateHttpClient();
        for (var i = 0; i < Limits.ClientLoginFailures; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i}");
            await Forms.LoginAsync(client, $"stuffed{i}-{Email}", "Wrong-pass-1");
        }
        using var fresh = app.CreateHttpClient();
        fresh.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.250");
        Assert.True(BotChecks.Asked(await fresh.GetStringAsync("/Account/Login")));
    }
}

// プロキシを MyPage:KnownProxies で名指しし、ループバックを信頼しないとき: ループバックからの X-Forwarded-For は無視する
public class NamedProxyForwardedHeadersTests(NamedProxyForwardedHeadersTests.Site site) : AbuseTest(site), IClassFixture<NamedProxyForwardedHeadersTests.Site>
{
    public sealed class Site() : AbuseSite(new Dictionary<string, string?>
    {
        ["MyPage:TrustLoopbackProxy"] = "false",
        ["MyPage:KnownProxies:0"] = "192.0.2.1",
    });

    [Fact]
    public async Task Forwarded_for_from_loopback_is_ignored_when_only_a_named_proxy_is_trusted()
    {
        await FailLoginsUpToTheThresholdAsync(forwardedFor: "198.51.100.7");
        using var other = app.CreateHttpClient();
        other.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.8");
        Assert.True(BotChecks.Asked(await other.GetStringAsync("/Account/Login")));
    }
}
