using System.Net;
using System.Net.Sockets;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Startup;

// 誤った設定では起動しない。誤り一つにつき一行（日本語と英語）で、設定の名前と値を言い、終了コードは 1。
// スタックトレースは出さない。起動してから画面が 500 になる（「準備できた」のに使えない）ことがないように。
// どれも本物のプロセス (dotnet MyPage.dll、Production) で、ほかは正しい設定のまま、一つだけを誤らせる
[Trait("Category", "Processes")]
public class SettingChecksTests
{
    // 正しい設定（公開の URL だけが要る。SiteProcess が接続文字列と、鍵を暗号化しないことを足す）
    private static readonly Dictionary<string, string> Valid = new() { ["MyPage__PublicUrl"] = "https://mypage.example.jp/" };

    [Theory]
    [InlineData("MyPage__Session__IdleTimeout=30min", "MyPage:Session:IdleTimeout", "30min")]
    [InlineData("MyPage__Session__IdleTimeout=00:00:30;MyPage__Session__WarnBefore=00:00:10", "MyPage:Session:IdleTimeout", "00:00:30")]
    [InlineData("MyPage__Session__WarnBefore=00:45:00", "MyPage:Session:WarnBefore", "00:45:00")]
    [InlineData("MyPage__Mynaportal__Authority=http://mynaportal.example.jp/;MyPage__Mynaportal__ClientId=mypage;MyPage__Mynaportal__ClientSecret=s", "MyPage:Mynaportal:Authority", "http://mynaportal.example.jp/")]
    [InlineData("MyPage__Mynaportal__Authority=https://mynaportal.example.jp/", "MyPage:Mynaportal:ClientId", "")]
    [InlineData("MyPage__BotCheck__Provider=None", "MyPage:BotCheck:Provider", "None")]
    [InlineData("MyPage__BotCheck__Provider=Captcha", "MyPage:BotCheck:Provider", "Captcha")]
    [InlineData("ConnectionStrings__MyPage=Data Source=/proc/mypage/mypage.db", "ConnectionStrings:MyPage", "/proc/mypage/mypage.db")]
    [InlineData("MyPage__DataProtection__AllowUnencryptedKeys=false;MyPage__DataProtection__Certificate__Path=/nonexistent/dp.pfx", "MyPage:DataProtection:Certificate:Path", "/nonexistent/dp.pfx")]
    [InlineData("MyPage__DataProtection__AllowUnencryptedKeys=false;MyPage__DataProtection__Certificate__Path=/etc/hostname", "MyPage:DataProtection:Certificate:Path", "/etc/hostname")]
    [InlineData("MyPage__Mail__Smtp__Port=70000", "MyPage:Mail:Smtp:Port", "70000")]
    [InlineData("MyPage__Mail__Smtp__Port=smtp", "MyPage:Mail:Smtp:Port", "smtp")]
    [InlineData("MyPage__Mail__Smtp__Host=smtp.example.jp;MyPage__Mail__Smtp__UseTls=false", "MyPage:Mail:Smtp:UseTls", "False")]
    [InlineData("MyPage__Mail__Transport=Fax", "MyPage:Mail:Transport", "Fax")]
    [InlineData("MyPage__Mail__From=system at hellowork", "MyPage:Mail:From", "system at hellowork")]
    [InlineData("MyPage__PublicUrl=mypage.example.jp", "MyPage:PublicUrl", "mypage.example.jp")]
    [InlineData("MyPage__PublicUrl=http://mypage.example.jp/", "MyPage:PublicUrl", "http://mypage.example.jp/")]
    [InlineData("MyPage__KnownProxies__0=10.0.0.2;MyPage__KnownProxies__1=proxy.internal", "MyPage:KnownProxies", "proxy.internal")]
    [InlineData("MyPage__Links__TrainingSearch=javascript:alert(1)", "MyPage:Links:TrainingSearch", "javascript:alert(1)")]
    [InlineData("MyPage__Database__MigrateOnStartup=maybe", "MyPage:Database:MigrateOnStartup", "maybe")]
    [InlineData("MyPage__Passwords__MemoryKiB=8192", "MyPage:Passwords", "Iterations=2, MemoryKiB=8192")]
    [InlineData("MyPage__RateLimits__FormPostsPerMinute=0", "MyPage:RateLimits:FormPostsPerMinute", "0")]
    [InlineData("MyPage__RateLimits__OneTimePasswordMailsPerHour=0", "MyPage:RateLimits:OneTimePasswordMailsPerHour", "0")]
    [InlineData("MyPage__Login__OneTimePassword__Length=4", "MyPage:Login:OneTimePassword:Length", "4")]
    [InlineData("MyPage__Pages__HtmxTimeout=00:30:00", "MyPage:Pages:HtmxTimeout", "00:30:00")]
    [InlineData("MyPage__Metrics__Urls=127.0.0.1:9464", "MyPage:Metrics:Urls", "127.0.0.1:9464")]
    [InlineData("MyPage__Metrics__Urls=https://127.0.0.1:9464", "MyPage:Metrics:Urls", "https://127.0.0.1:9464")]
    public async Task Cannot_start_with_a_wrong_setting_and_says_which_and_its_value_in_one_line(string wrong, string setting, string value)
    {
        var environment = new Dictionary<string, string>(Valid);
        foreach (var pair in wrong.Split(';')) environment[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];

        var (code, output, error) = await SiteProcess.RunAsync(environment);

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"設定 {setting} の値「{value}」", line, StringComparison.Ordinal);
        Assert.Contains($" / {setting}=\"{value}\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    // 名前の変わった設定を、黙って無視しない（運用者の決めた上限が、既定の値にすり替わらないように）
    [Fact]
    public async Task Cannot_start_with_a_renamed_setting_and_names_its_new_key_in_one_line()
    {
        var (code, output, error) = await SiteProcess.RunAsync(new Dictionary<string, string>(Valid) { ["MyPage__Login__OneTimePassword__MailsPerHour"] = "12" });

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("設定 MyPage:Login:OneTimePassword:MailsPerHour の値「12」", line, StringComparison.Ordinal);
        Assert.Contains("MyPage:RateLimits:OneTimePasswordMailsPerHour", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cannot_start_on_an_address_in_use_and_says_so_in_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, output, error) = await SiteProcess.RunAsync(new Dictionary<string, string>(Valid) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("待ち受けるアドレスが、ほかのプロセスに使われています", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }
}
