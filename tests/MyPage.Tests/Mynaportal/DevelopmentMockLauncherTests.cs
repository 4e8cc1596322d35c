using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MyPage.Mynaportal;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Mynaportal;

// `dotnet run` の横で起動する模擬マイナポータル: 先に終わっていても、サイトの停止は失敗しない
public class DevelopmentMockLauncherTests
{
    [Fact]
    public async Task Can_stop_the_site_after_the_mock_has_ended_by_itself()
    {
        var folder = Directory.CreateTempSubdirectory("mypage-mock-launcher-").FullName;
        try
        {
            // 読めないプロジェクト: dotnet run はすぐ失敗して終わる
            await File.WriteAllTextAsync(Path.Combine(folder, "Broken.csproj"), "not a project");
            var logs = new LogCapture();
            var options = Options.Create(new MynaportalOptions { DevelopmentMock = { Enabled = true, Project = "Broken.csproj", Urls = "http://127.0.0.1:1" } });
            using var launcher = new DevelopmentMockLauncher(options, new ContentRoot(folder), new LoggerFactory([logs]).CreateLogger<DevelopmentMockLauncher>());

            await launcher.StartAsync(CancellationToken.None);
            for (var i = 0; i < 600 && !logs.Lines.Any(l => l.StartsWith("模擬マイナポータルが終了しました", StringComparison.Ordinal)); i++) await Task.Delay(100);
            Assert.Contains(logs.Lines, l => l.StartsWith("模擬マイナポータルが終了しました", StringComparison.Ordinal));

            await launcher.StopAsync(CancellationToken.None);
            await launcher.StopAsync(CancellationToken.None);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Says_in_one_line_that_the_mock_port_is_taken_and_goes_on_without_the_mock()
    {
        var folder = Directory.CreateTempSubdirectory("mypage-mock-launcher-").FullName;
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var urls = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "Mock.csproj"), "<Project />");
            var logs = new LogCapture();
            var options = Options.Create(new MynaportalOptions { DevelopmentMock = { Enabled = true, Project = "Mock.csproj", Urls = urls } });
            using var launcher = new DevelopmentMockLauncher(options, new ContentRoot(folder), new LoggerFactory([logs]).CreateLogger<DevelopmentMockLauncher>());

            await launcher.StartAsync(CancellationToken.None);

            var line = Assert.Single(logs.Lines);
            Assert.StartsWith($"模擬マイナポータルの {urls} は、ほかのプロセスが使っています。模擬マイナポータルなしで続けます", line, StringComparison.Ordinal);
            await launcher.StopAsync(CancellationToken.None);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class ContentRoot(string path) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = path;
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "MyPage";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = path;
        public string EnvironmentName { get; set; } = Environments.Development;
    }
}
