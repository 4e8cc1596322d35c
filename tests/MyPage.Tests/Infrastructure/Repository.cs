using System.Diagnostics;

namespace MyPage.Tests.Infrastructure;

public static class Repository
{
    // MyPage.csproj のあるフォルダー（テストの bin から上へたどる）
    public static readonly string Root = Find(AppContext.BaseDirectory);

    private static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MyPage.csproj"))) return dir.FullName;
        throw new InvalidOperationException("MyPage.csproj が見つかりません");
    }

    // README にある `dotnet …` の一行 (isTheLine) の引数を、書いてあるとおりに。-o の行き先だけを output にする
    public static string[] ReadmeDotnetArguments(Func<string, bool> isTheLine, string output)
    {
        var line = File.ReadAllLines(Path.Combine(Root, "README.md")).Single(l => l.StartsWith("dotnet ", StringComparison.Ordinal) && isTheLine(l));
        var args = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        return [.. args.Select((a, i) => i > 0 && args[i - 1] == "-o" ? output : a)];
    }

    // リポジトリの根で dotnet を走らせる。終了コードが 0 でなければ、その出力で失敗する
    public static async Task DotnetAsync(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)}:\n{await output}\n{await error}");
    }
}
