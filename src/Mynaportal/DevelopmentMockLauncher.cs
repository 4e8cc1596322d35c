using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace MyPage.Mynaportal;

// Development で `dotnet run` したときだけ、模擬マイナポータル (tests/MockMynaportal) を横で起動する。
// SPA の開発サーバーを起動する SpaProxy と同じ考え方。本番では登録されない。
internal sealed class DevelopmentMockLauncher(IOptions<MynaportalOptions> options, IWebHostEnvironment environment, ILogger<DevelopmentMockLauncher> log)
    : IHostedService, IDisposable
{
    private Process? process;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var mock = options.Value.DevelopmentMock;
        var project = Path.Combine(environment.ContentRootPath, mock.Project);
        if (!File.Exists(project))
        {
            log.ProjectMissing(project);
            return Task.CompletedTask;
        }
        // ポートがふさがっていれば起動しない（「起動しました」のあとで模擬マイナポータルが落ちるのではなく、一行で知らせて続ける）
        if (PortInUse(mock.Urls))
        {
            log.PortInUse(mock.Urls);
            return Task.CompletedTask;
        }
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(project)!, UseShellExecute = false };
        foreach (var arg in new[] { "run", "--project", project, "--urls", mock.Urls }) start.ArgumentList.Add(arg);
        start.Environment["MockMynaportal__MyPageUrl"] = mock.MyPageUrl;
        start.Environment["MockMynaportal__ClientId"] = options.Value.ClientId;
        start.Environment["MockMynaportal__ClientSecret"] = options.Value.ClientSecret;
        start.Environment["MockMynaportal__Database"] = Path.Combine(environment.ContentRootPath, "App_Data", "mock-mynaportal.db");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Exited += OnExited;
        process.Start();
        log.Started(mock.Urls);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (process is null) return Task.CompletedTask;
        // こちらから止めるときは「終了しました」と知らせない
        process.Exited -= OnExited;
        // もう終わっていれば Kill は InvalidOperationException を投げる。そのときは止めるものがない
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        return Task.CompletedTask;
    }

    private static bool PortInUse(string urls)
    {
        if (!Uri.TryCreate(urls.Split(';')[0], UriKind.Absolute, out var url)) return false;
        var address = IPAddress.TryParse(url.Host, out var parsed) ? parsed : url.IsLoopback ? IPAddress.Loopback : IPAddress.Any;
        try
        {
            var probe = new TcpListener(address, url.Port);
            probe.Start();
            probe.Stop();
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
    }

    // 模擬マイナポータルが自分で終わったら（ビルド失敗、ポート使用中など）開発者に知らせる
    private void OnExited(object? sender, EventArgs e)
        => log.Exited(((Process)sender!).ExitCode);

    public void Dispose() => process?.Dispose();
}

internal static partial class DevelopmentMockLog
{
    [LoggerMessage(EventId = 3001, EventName = "MockStarted", Level = LogLevel.Information, Message = "模擬マイナポータルを起動しました: {Urls}")]
    public static partial void Started(this ILogger log, string urls);

    [LoggerMessage(EventId = 3002, EventName = "MockProjectMissing", Level = LogLevel.Warning, Message = "模擬マイナポータルのプロジェクトが見つかりません: {Project}")]
    public static partial void ProjectMissing(this ILogger log, string project);

    [LoggerMessage(EventId = 3004, EventName = "MockPortInUse", Level = LogLevel.Warning,
        Message = "模擬マイナポータルの {Urls} は、ほかのプロセスが使っています。模擬マイナポータルなしで続けます（MyPage:Mynaportal:DevelopmentMock:Urls で別のポートにできます）。 / The mock's address is in use; going on without it.")]
    public static partial void PortInUse(this ILogger log, string urls);

    [LoggerMessage(EventId = 3003, EventName = "MockExited", Level = LogLevel.Warning, Message = "模擬マイナポータルが終了しました (終了コード {ExitCode})")]
    public static partial void Exited(this ILogger log, int exitCode);
}
