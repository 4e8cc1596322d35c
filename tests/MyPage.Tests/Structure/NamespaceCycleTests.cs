using System.Text.RegularExpressions;
using MyPage.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MyPage.Tests.Structure;

// モジュールの境: src の名前空間どうしの参照に輪がないこと（輪があると、どちらかを変えるたびに両方を読むことになる）。
// ソースを読んで調べる（リフレクションでは、ほかの名前空間の const の文言が呼ぶ側に埋め込まれて見えなくなる）。
// - .cs: using（IDE0005 で使われているものだけが残る）、名前空間で修飾した参照、外側の名前空間の型を単純名で呼ぶ参照
// - .cshtml: フォルダーの名前空間（_ViewImports の @namespace MyPage.Pages の下）に置き、単純名と修飾した参照を、
//   外側の名前空間、画面の @using、_ViewImports の @using の順に、そこで宣言された型へ解決する（_ViewImports の @using だけでは数えない）
// 生成されたマイグレーションは数えない。
public partial class NamespaceCycleTests(ITestOutputHelper output)
{
    [Fact]
    public void Has_no_cycle_between_the_namespaces_of_src()
    {
        var edges = Dependencies();
        var cycles = Cycles(edges.ToDictionary(e => e.Key, e => e.Value.Keys.ToHashSet()));
        // 辺ごとに、それを作った最初のファイルと名前（どこを直せばよいかがわかるように）
        foreach (var (from, to) in edges.OrderBy(e => e.Key, StringComparer.Ordinal))
            foreach (var (target, evidence) in to.OrderBy(t => t.Key, StringComparer.Ordinal)) output.WriteLine($"{from} → {target}（{evidence}）");
        foreach (var cycle in cycles) output.WriteLine($"輪: {cycle}");
        Assert.True(cycles is [], "名前空間の輪:\n" + string.Join("\n", cycles));
    }

    // 調べ方そのものを確かめる: 輪を作った小さなグラフで輪を見つけ、輪のないグラフでは見つけない
    [Fact]
    public void Finds_a_cycle_through_three_namespaces_and_none_in_a_chain()
    {
        Dictionary<string, HashSet<string>> cyclic = new() { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };
        Dictionary<string, HashSet<string>> chain = new() { ["A"] = ["B"], ["B"] = ["C"], ["C"] = [], ["D"] = ["A"] };
        Assert.Equal(["A ⇄ B ⇄ C"], Cycles(cyclic));
        Assert.Empty(Cycles(chain));
    }

    // 輪（強連結成分）ごとに、名前空間を順に並べて「 ⇄ 」でつなぐ
    public static List<string> Cycles(Dictionary<string, HashSet<string>> graph)
        => [.. StronglyConnected(graph).Where(c => c.Count > 1).Select(c => string.Join(" ⇄ ", c.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];

    private sealed record Source(string File, string Namespace, string Code, List<string> Usings, List<string> ImportedUsings);

    // 名前空間 → それが参照するほかの名前空間 → その参照を見つけた最初のファイルと名前
    public static Dictionary<string, Dictionary<string, string>> Dependencies()
    {
        var src = Path.Combine(Repository.Root, "src");
        var sources = new List<Source>();
        var declared = new Dictionary<string, HashSet<string>>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("Migrations", StringComparison.Ordinal)))
        {
            // コメントだけを消す（文字列は残す: 補間した文字列の {…} も参照）
            var code = CodeComment().Replace(File.ReadAllText(file), m => m.Value[0] == '/' ? "" : m.Value);
            var ns = FileNamespace().Match(code).Groups[1].Value;
            if (ns.Length == 0) continue;
            sources.Add(new(Path.GetRelativePath(src, file), ns, code, [.. UsingDirective().Matches(code).Select(m => m.Groups[1].Value)], []));
            var types = declared.TryGetValue(ns, out var set) ? set : declared[ns] = [];
            // 入れ子でない型だけ（入れ子の型は外の型の名前を通してしか呼べない）
            foreach (Match m in TypeDeclaration().Matches(code))
                if (code[..m.Index].Count(c => c == '{') == code[..m.Index].Count(c => c == '}')) types.Add(m.Groups[1].Value);
        }
        foreach (var file in Directory.EnumerateFiles(src, "*.cshtml", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "_ViewImports.cshtml"))
        {
            var folder = Path.GetRelativePath(src, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '.');
            var code = RazorComment().Replace(File.ReadAllText(file), "");
            var imports = new List<string>();
            for (var dir = Path.GetDirectoryName(file)!; dir.Length >= src.Length; dir = Path.GetDirectoryName(dir)!)
            {
                var viewImports = Path.Combine(dir, "_ViewImports.cshtml");
                if (File.Exists(viewImports)) imports.AddRange(RazorUsing().Matches(File.ReadAllText(viewImports)).Select(m => m.Groups[1].Value));
            }
            sources.Add(new(Path.GetRelativePath(src, file), "MyPage." + folder, code, [.. RazorUsing().Matches(code).Select(m => m.Groups[1].Value)], imports));
        }

        var known = sources.Select(s => s.Namespace).ToHashSet();
        var graph = known.ToDictionary(n => n, _ => new Dictionary<string, string>());
        foreach (var (file, ns, code, usings, imports) in sources)
        {
            foreach (var used in usings) Add(graph, ns, used, known, $"{file}: using {used}");
            var visible = Enclosing(ns).Concat(usings).Concat(imports).Distinct().ToList();
            var body = Directive().Replace(code, "");
            foreach (Match m in SimpleName().Matches(body))
            {
                // 単純名: 外側の名前空間、using の順に、その名前の型を宣言した名前空間へ（C# の名前の解決と同じ順）
                var target = visible.FirstOrDefault(n => declared.TryGetValue(n, out var types) && types.Contains(m.Value));
                if (target is not null) Add(graph, ns, target, known, $"{file}: {m.Value}");
            }
            foreach (Match m in Qualified().Matches(body))
            {
                // 修飾した参照: 内側の名前空間から外へ順に探す
                var name = m.Groups[1].Value;
                var target = Enclosing(ns).Select(outer => outer + "." + name).FirstOrDefault(known.Contains)
                    ?? (name.StartsWith("MyPage.", StringComparison.Ordinal) && known.Contains(name) ? name : null);
                if (target is not null) Add(graph, ns, target, known, $"{file}: {m.Value}");
            }
        }
        return graph;
    }

    private static IEnumerable<string> Enclosing(string ns)
    {
        for (var current = ns; current.Length > 0; current = current.Contains('.', StringComparison.Ordinal) ? current[..current.LastIndexOf('.')] : "")
            yield return current;
    }

    private static void Add(Dictionary<string, Dictionary<string, string>> graph, string from, string to, HashSet<string> known, string evidence)
    {
        if (from != to && known.Contains(to)) graph[from].TryAdd(to, evidence);
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

    [GeneratedRegex(@"^@using\s+(MyPage[\w.]*)\s*$", RegexOptions.Multiline)]
    private static partial Regex RazorUsing();

    // namespace と using の行（名前の参照としては数えない）
    [GeneratedRegex(@"^@?(?:namespace|using)\s[^\n]*", RegexOptions.Multiline)]
    private static partial Regex Directive();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)\s+([A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    // ドットの後ろでない名前（型の単純名の候補）
    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*")]
    private static partial Regex SimpleName();

    // Name.Name.Type の形（型の手前までを名前空間の候補に）
    [GeneratedRegex(@"(?<![\w.])((?:MyPage\.)?[A-Z]\w*(?:\.[A-Z]\w*)*)\.[A-Z]\w*")]
    private static partial Regex Qualified();

    // コメントと、その中の // を読み違えないための文字列（.cs）
    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|""(?:[^""\\\n]|\\.)*""", RegexOptions.Singleline)]
    private static partial Regex CodeComment();

    // Razor のコメント @* … *@（文字列は消さない: 属性の中の C# の式も文字列の形で書かれる）
    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();
}
