using System.Net;
using System.Text.RegularExpressions;
using MyPage.Security;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Security;

// 要求の出どころは一か所 (RequestOrigins) だけが読む: 数える単位、人に見せる形、ログのタグ
public partial class RequestOriginTests(SiteFixture site) : SeekerTest(site), IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("192.0.2.45", "192.0.2.45", "192.0.2.x")]
    [InlineData("::ffff:192.0.2.45", "192.0.2.45", "192.0.2.x")]
    [InlineData("2001:db8::5", "2001:db8::/64", "2001:db8:0:0:…")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:fffe", "2001:db8:1:2::/64", "2001:db8:1:2:…")]
    [InlineData("::1", "::/64", "0:0:0:0:…")]
    [InlineData("fe80::1:2:3:4", "fe80::/64", "fe80:0:0:0:…")]
    public void Gives_the_counting_key_and_a_masked_form_that_hides_the_host_part(string address, string key, string masked)
    {
        Assert.Equal(key, RequestOrigins.KeyOf(IPAddress.Parse(address)));
        Assert.Equal(masked, RequestOrigins.MaskedOf(IPAddress.Parse(address)));
    }

    [Fact]
    public async Task Shows_an_ipv6_login_masked_by_bytes_in_the_history()
    {
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "2001:db8::5");
        await Forms.LoginAsync(client, Email, Password);
        var html = await client.GetStringAsync("/Settings/Security");
        Assert.Contains($"<td data-label=\"{MyPage.Pages.Settings.SecurityTexts.HistoryClient}\" class=\"nowrap\">2001:db8:0:0:…</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2001:db8::5", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_the_only_code_that_reads_the_connection_address_or_forwarded_headers()
    {
        var readers = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => RawAddress().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(Repository.Root, file))
            .ToList();
        Assert.Equal(["src/Security/RequestOrigin.cs"], readers);
    }

    [GeneratedRegex(@"RemoteIpAddress|X-Forwarded-For|Headers\[""X-Forwarded")]
    private static partial Regex RawAddress();
}
