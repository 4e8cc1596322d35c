using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MyPage.Tests.Infrastructure;

// サイトが書いたログを読むための ILoggerProvider。Lines はメッセージだけ（テストが読む）、
// Detailed は時刻・重さ・出どころ付き（失敗したテストの調べ用に traces/ へ書き出す）。
// 要求の中で書かれた行は、その要求のパスも覚える (During: ASP.NET Core が要求ごとに開くログのスコープの RequestPath)。
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly ConcurrentQueue<string> detailed = new();
    private readonly ConcurrentQueue<(int EventId, string Line)> events = new();
    private readonly ConcurrentQueue<(string Path, string Category, string Line)> requests = new();
    private static readonly AsyncLocal<string?> RequestPath = new();

    // そのパスへの要求の中で、その出どころ（カテゴリー）が書いた行
    public IReadOnlyList<string> During(string path, string category)
        => requests.Where(r => r.Path == path && r.Category == category).Select(r => r.Line).ToList();

    // EF Core がデータベースに送った文の記録（既定では Warning 以上だけなので、数えるサイトは SqlStatementsSetting で有効にする）
    public const string SqlStatements = "Microsoft.EntityFrameworkCore.Database.Command";
    public static readonly KeyValuePair<string, string?> SqlStatementsSetting = new("Logging:LogLevel:" + SqlStatements, "Information");

    // そのパスへの要求の中で、データベースに送った文
    public IReadOnlyList<string> StatementsDuring(string path) => During(path, SqlStatements);

    public IReadOnlyList<string> Lines => lines.ToArray();
    public IReadOnlyList<string> Detailed => detailed.ToArray();

    // イベント ID の付いた行（監査ログ）。Lines と同じ順
    public IReadOnlyList<(int EventId, string Line)> Events => events.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            if (state is not IEnumerable<KeyValuePair<string, object?>> values) return null;
            var path = values.FirstOrDefault(v => v.Key == "RequestPath").Value as string;
            if (path is null) return null;
            var outer = RequestPath.Value;
            RequestPath.Value = path;
            return new Scope(outer);
        }
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = formatter(state, exception) + (exception is null ? "" : " " + exception);
            capture.lines.Enqueue(line);
            if (eventId.Id != 0) capture.events.Enqueue((eventId.Id, line));
            capture.detailed.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {line}");
            if (RequestPath.Value is { } path) capture.requests.Enqueue((path, category, line));
        }
    }

    private sealed class Scope(string? outer) : IDisposable
    {
        public void Dispose() => RequestPath.Value = outer;
    }
}
