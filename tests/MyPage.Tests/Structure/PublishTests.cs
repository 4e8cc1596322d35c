using System.Diagnostics;
using System.Net;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Structure;

// README の「Running in production」の publish を、そのとおりに実行して確かめる: 大きさ（動かす環境の分だけの
// ネイティブのライブラリ）と、公開したフォルダーを別のディレクトリ（wwwroot と appsettings.json を持つリポジトリの根）から
// 起動しても、スタイルシートとスクリプトを本当の長さで（圧縮しても）配ること
[Trait("Category", "Processes")]
public class PublishTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"mypage-publish-{Guid.NewGuid():N}");
    private string Out => Path.Combine(folder, "out");

    // README の publish のコマンド（-o だけをこのテストのフォルダーに）
    public static string[] ReadmePublish()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var line = readme.Split('\n').Single(l => l.StartsWith("dotnet publish ", StringComparison.Ordinal));
        return line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
    }

    public async Task InitializeAsync()
    {
        var args = ReadmePublish();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        for (var i = 0; i < args.Length; i++)
            start.ArgumentList.Add(args[i] == "out" && i > 0 && args[i - 1] == "-o" ? Out : args[i]);
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add("q");
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        Assert.True(publish.ExitCode == 0, $"dotnet {string.Join(' ', args)}:\n{await output}\n{await error}");
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Publishes_at_most_30_mb_for_the_platform_it_runs_on_and_serves_its_own_files_from_any_directory()
    {
        // 大きさ: 11 の環境のネイティブのライブラリ (runtimes/) を持たない
        var bytes = new DirectoryInfo(Out).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Assert.True(bytes <= 30L * 1024 * 1024, $"{bytes / 1024 / 1024} MB");
        Assert.False(Directory.Exists(Path.Combine(Out, "runtimes")), "runtimes/ があります（ほかの環境の分）");

        // リポジトリの根から、公開したフォルダーの MyPage.dll を起動する
        var database = Path.Combine(folder, "mypage.db");
        await using var site = new RunningSite(new Dictionary<string, string>
        {
            ["ConnectionStrings__MyPage"] = $"Data Source={database}",
            ["MyPage__Mail__Transport"] = "Directory",
            ["MyPage__Mail__Directory"] = Path.Combine(folder, "mailbox"),
        }, app: Out, workingDirectory: Repository.Root);
        await site.WaitUntilReadyAsync();

        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = site.BaseUrl };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
        var html = await client.GetStringAsync("/Account/Login");
        var assets = System.Text.RegularExpressions.Regex.Matches(html, @"(?:src|href)=""(/(?:lib|js|css)/[^""]+\.(?:js|css))""").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.StartsWith("/css/site.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/js/forms.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/lib/htmx/", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(asset);
            var body = await response.Content.ReadAsStringAsync();
            var name = Path.GetFileName(asset).Split('.')[0];
            var original = Directory.EnumerateFiles(Path.Combine(Repository.Root, "wwwroot"), name + ".*", SearchOption.AllDirectories)
                .First(f => f.EndsWith(Path.GetExtension(asset), StringComparison.Ordinal) && !f.EndsWith(".br", StringComparison.Ordinal) && !f.EndsWith(".gz", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(File.ReadAllText(original).Length, body.Length);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }
    }
}
