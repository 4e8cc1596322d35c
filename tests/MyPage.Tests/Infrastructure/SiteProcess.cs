using System.Diagnostics;

namespace MyPage.Tests.Infrastructure;

// 公開ビルドと同じく `dotnet MyPage.dll` でサイトを別のプロセスとして動かす（起動を断る設定の試験のため）
public static class SiteProcess
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null, params string[] args)
    {
        var database = Path.Combine(Path.GetTempPath(), $"mypage-process-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MyPage.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        start.Environment["ConnectionStrings__MyPage"] = $"Data Source={database}";
        start.Environment["Logging__LogLevel__Default"] = "None";
        foreach (var (key, value) in environment) start.Environment[key] = value;
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
}
