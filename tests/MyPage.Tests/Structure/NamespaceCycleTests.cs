using System.Text.RegularExpressions;
using MyPage.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MyPage.Tests.Structure;

// モジュールの境: src の名前空間どうしの参照に輪がないこと（輪があると、どちらかを変えるたびに両方を読むことになる）。
// ソースを読んで調べる（using と、名前空間で修飾した参照）。生成されたマイグレーションは数えない。
public partial class NamespaceCycleTests(ITestOutputHelper output)
{
    // 画面の外のモジュール（MyPage.Account、MyPage.Data、…）どうし
    [Fact]
    public void Has_no_cycle_between_the_modules_of_src()
    {
        var graph = Dependencies()
            .Where(e => !e.Key.StartsWith("MyPage.Pages", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => e.Value.Where(n => !n.StartsWith("MyPage.Pages", StringComparison.Ordinal)).ToHashSet());
        var cycles = StronglyConnected(graph).Where(c => c.Count > 1).Select(c => string.Join(" ⇄ ", c.Order())).ToList();
        foreach (var (from, to) in graph.OrderBy(e => e.Key)) output.WriteLine($"{from} → {string.Join(", ", to.Order())}");
        Assert.True(cycles.Count == 0, "名前空間の輪:\n" + string.Join("\n", cycles));
    }

    // 名前空間 → それが参照するほかの名前空間
    public static Dictionary<string, HashSet<string>> Dependencies()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("Migrations", StringComparison.Ordinal))
            .Select(f => (File: f, Text: File.ReadAllText(f)))
            .Select(f => (f.Text, Namespace: FileNamespace().Match(f.Text).Groups[1].Value))
            .Where(f => f.Namespace.Length > 0)
            .ToList();
        var known = files.Select(f => f.Namespace).ToHashSet();
        var graph = known.ToDictionary(n => n, _ => new HashSet<string>());
        foreach (var (text, ns) in files)
        {
            var code = Comment().Replace(text, "");
            foreach (Match m in UsingDirective().Matches(code)) Add(graph, ns, m.Groups[1].Value, known);
            foreach (Match m in Qualified().Matches(code))
            {
                // 修飾した参照: 内側の名前空間から外へ順に探す（C# の名前の解決と同じ）
                var name = m.Groups[1].Value;
                var target = Enclosing(ns).Select(outer => outer + "." + name).FirstOrDefault(known.Contains)
                    ?? (name.StartsWith("MyPage.", StringComparison.Ordinal) && known.Contains(name) ? name : null);
                if (target is not null) Add(graph, ns, target, known);
            }
        }
        return graph;
    }

    private static IEnumerable<string> Enclosing(string ns)
    {
        for (var current = ns; current.Length > 0; current = current.Contains('.', StringComparison.Ordinal) ? current[..current.LastIndexOf('.')] : "")
            yield return current;
    }

    private static void Add(Dictionary<string, HashSet<string>> graph, string from, string to, HashSet<string> known)
    {
        if (from != to && known.Contains(to)) graph[from].Add(to);
    }

    // Tarjan の強連結成分
    private static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        var index = 0;
        var indices = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();
        void Visit(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph[v])
            {
                if (!indices.TryGetValue(w, out var seen)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], seen);
            }
            if (low[v] != indices[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            result.Add(component);
        }
        foreach (var v in graph.Keys) if (!indices.ContainsKey(v)) Visit(v);
        return result;
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^using\s+(?:static\s+)?(MyPage[\w.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    // Name.Name.Type の形（型の手前までを名前空間の候補に）
    [GeneratedRegex(@"(?<![\w.])((?:MyPage\.)?[A-Z]\w*(?:\.[A-Z]\w*)*)\.[A-Z]\w*")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"//[^\n]*|""(?:[^""\\]|\\.)*""")]
    private static partial Regex Comment();
}
