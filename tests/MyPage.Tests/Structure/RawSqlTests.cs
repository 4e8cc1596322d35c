using System.Text.RegularExpressions;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Structure;

// 生の SQL は src/Data の中だけ（表と列の名前をモデルから引く RawSql を通す）。ほかのモジュールは Data/Statements を呼ぶ
public partial class RawSqlTests
{
    [Fact]
    public void Raw_sql_is_written_only_in_Data()
    {
        var data = Path.Combine(Repository.Root, "src", "Data") + Path.DirectorySeparatorChar;
        var outside = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(data, StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Repository.Root, f), Line: i + 1, Text: line)))
            .Where(l => RawSql().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(outside.Count == 0, "src/Data の外の生の SQL:\n" + string.Join("\n", outside));
    }

    [GeneratedRegex(@"\b(ExecuteSql\w*|SqlQuery\w*|FromSql\w*)\s*[<(]|\bCommandText\b|\b(SELECT|INSERT|UPDATE|DELETE)\s+(\*|INTO|FROM|"")", RegexOptions.IgnoreCase)]
    private static partial Regex RawSql();
}
