using System.Diagnostics;

namespace MyPage.Tests.Infrastructure;

// 公開ビルドと同じく `dotnet MyPage.dll` でサイトを別のプロセスとして動かす（起動を断る設定の試験のため）
public static class SiteProcess
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null, params string[] args)
    {
        var database = Path.Combine(Path.GetTempPath(), $"mypage-process-{Guid.NewGuid():N}.db");
        var start = StartInfo(LoopbackPort.Free(), new Dictionary<string, string>
        {
            ["ConnectionStrings__MyPage"] = $"Data Source={database}",
            ["Logging__LogLevel__Default"] = "None",
            ["MyPage__DataProtection__AllowUnencryptedKeys"] = "true",
        }, environment, args);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            try
            {
                await process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromMinutes(1));
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }

    // Production のサイトを平文の HTTP で、ループバックの port に。defaults のあとに environment が上書きする
    // app: MyPage.dll のあるフォルダー（既定はビルドの出力）。workingDirectory: 起動するディレクトリ（既定は app）
    public static ProcessStartInfo StartInfo(int port, IReadOnlyDictionary<string, string> defaults, IReadOnlyDictionary<string, string> environment, params string[] args)
        => StartInfo(port, defaults, environment, AppContext.BaseDirectory, AppContext.BaseDirectory, args);

    public static ProcessStartInfo StartInfo(int port, IReadOnlyDictionary<string, string> defaults, IReadOnlyDictionary<string, string> environment, string app, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(app, "MyPage.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in defaults.Concat(environment)) start.Environment[key] = value;
        return start;
    }
}

// 動き続けるサイトのプロセス（PostgreSQL の二つ目のインスタンス。SIGKILL で殺す試験のため）
public sealed class RunningSite : IAsyncDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder output = new();
    public int Port { get; } = LoopbackPort.Free();
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public RunningSite(IReadOnlyDictionary<string, string> environment, string? app = null, string? workingDirectory = null)
    {
        var start = SiteProcess.StartInfo(Port, new Dictionary<string, string>
        {
            ["MyPage__PublicUrl"] = $"https://127.0.0.1:{Port}/",
            ["MyPage__DataProtection__AllowUnencryptedKeys"] = "true",
        }, environment, app ?? AppContext.BaseDirectory, workingDirectory ?? app ?? AppContext.BaseDirectory);
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output { get { lock (output) return output.ToString(); } }

    // /healthz/ready が 200 になるまで待つ（データベースが答え、マイグレーションが済んだ）
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"サイトのプロセスが終了しました ({process.ExitCode}):\n{Output}");
            try
            {
                if ((await client.GetAsync("/healthz/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"サイトが準備できませんでした:\n{Output}");
    }

    // SIGTERM: 止めるように頼む（コンテナやロードバランサーの入れ替えと同じ）。終了コードを返す
    public async Task<int> TerminateAsync(TimeSpan? timeout = null)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        return process.ExitCode;
    }

    // SIGKILL: 後片付けも何もさせずに殺す
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
