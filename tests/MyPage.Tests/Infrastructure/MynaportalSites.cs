using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MyPage.Tests.Infrastructure;

// My Page と模擬マイナポータルを、それぞれ本物のループバックのポートで並べて動かす
public sealed class MynaportalSites : IAsyncDisposable
{
    public const string ClientId = "mypage";
    public const string ClientSecret = "test-client-secret";

    private readonly MockSite mock;

    public MyPageApp MyPage { get; }
    public Uri MockUrl { get; }

    // oneTimePassword: ID・パスワードのログインにワンタイムパスワードを求める（実際のサービスの既定）
    public MynaportalSites(bool tamperNonce = false, bool oneTimePassword = false)
    {
        var port = LoopbackPort.Free();
        MockUrl = new Uri($"http://localhost:{port}/");
        MyPage = new MyPageApp(settings: new Dictionary<string, string?>
        {
            ["MyPage:Mynaportal:Authority"] = MockUrl.ToString(),
            ["MyPage:Mynaportal:ClientId"] = ClientId,
            ["MyPage:Mynaportal:ClientSecret"] = ClientSecret,
            ["MyPage:Login:OneTimePassword:Enabled"] = oneTimePassword ? "true" : "false",
        });
        mock = new MockSite(port, MyPage.BaseUrl, tamperNonce, MyPage.Logs);
    }

    public async ValueTask DisposeAsync()
    {
        await mock.DisposeAsync();
        await MyPage.DisposeAsync();
    }


    private sealed class MockSite : WebApplicationFactory<MockMynaportal.MockProgram>
    {
        private readonly string database = Path.Combine(Path.GetTempPath(), $"mock-mynaportal-{Guid.NewGuid():N}.db");
        private readonly Uri myPage;
        private readonly bool tamperNonce;
        private readonly LogCapture logs;

        // logs: My Page と同じ記録に（失敗したテストの調べで、両方の出来事が時刻順に並ぶ）
        public MockSite(int port, Uri myPage, bool tamperNonce, LogCapture logs)
        {
            this.myPage = myPage;
            this.tamperNonce = tamperNonce;
            this.logs = logs;
            UseKestrel(k => k.Listen(IPAddress.Loopback, port));
            StartServer();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("MockMynaportal:MyPageUrl", myPage.ToString().TrimEnd('/'));
            builder.UseSetting("MockMynaportal:ClientId", ClientId);
            builder.UseSetting("MockMynaportal:ClientSecret", ClientSecret);
            builder.UseSetting("MockMynaportal:Database", database);
            builder.UseSetting("MockMynaportal:TamperNonce", tamperNonce ? "true" : "false");
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }
}
