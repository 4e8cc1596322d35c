using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Structure;

// README の「Settings」の表は、サイトが設定から束ねるものをすべて載せている。新しい設定を表に書き忘れると、この試験が落ちる。
// 束ねる先は本物のサイトから集める: サイトが登録した設定の型ごとに、束ねた節 (Bind、BindConfiguration が登録する
// 変更の知らせの源が持つ IConfigurationSection) と、その型の書き込めるプロパティ（入れ子の型はその中まで）
public partial class ReadmeSettingsTests
{
    [Fact]
    public async Task Lists_every_setting_the_site_binds_in_the_readme_table()
    {
        await using var app = new MyPageApp();
        var bound = new HashSet<string>();
        foreach (var (type, section) in BoundSections(app))
            foreach (var name in Settable(type)) bound.Add($"{section}:{name}");

        Assert.Contains("MyPage:Session:IdleTimeout", bound);
        Assert.Contains("MyPage:Mail:Smtp:Port", bound);
        Assert.Contains("MyPage:KnownProxies", bound);
        var documented = DocumentedSettings();
        Assert.Contains("MyPage:Mail:Smtp:Password", documented);
        var missing = bound.Except(documented).Order().ToList();
        Assert.True(missing.Count == 0, "README に行のない設定: " + string.Join(", ", missing));
    }

    // 設定の型と、束ねた節。Bind(section) は変更の知らせの源 (ConfigurationChangeTokenSource) に節を、
    // BindConfiguration("…") は設定の組み立て (ConfigureNamedOptions<T, IConfiguration>) の中に節の名前を持つ
    private static IEnumerable<(Type Type, string Section)> BoundSections(MyPageApp app)
    {
        var types = app.Registrations.Select(d => d.ServiceType)
            .Where(t => t.IsConstructedGenericType && t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>) && t.GenericTypeArguments[0].Assembly == typeof(Program).Assembly)
            .Select(t => t.GenericTypeArguments[0]).Distinct();
        foreach (var type in types)
        {
            foreach (var configure in app.Services.GetServices(typeof(IConfigureOptions<>).MakeGenericType(type)))
                if (configure!.GetType().GetProperty("Action")?.GetValue(configure) is Delegate { Target: { } closure }
                    && closure.GetType().GetField("configSectionPath")?.GetValue(closure) is string path)
                    yield return (type, path);
            foreach (var source in app.Services.GetServices(typeof(IOptionsChangeTokenSource<>).MakeGenericType(type)))
                if (source!.GetType().GetField("_config", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(source) is IConfigurationSection section)
                    yield return (type, section.Path);
        }
    }

    // 設定から書き込めるプロパティの名前。値（文字列、数、時間、URL、列挙、配列）はそのもの、入れ子の型はその中の名前
    private static IEnumerable<string> Settable(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (t.IsPrimitive || t.IsEnum || t.IsArray || t == typeof(string) || t == typeof(TimeSpan) || t == typeof(Uri) || t == typeof(decimal))
                yield return property.Name;
            else
                foreach (var inner in Settable(t)) yield return $"{property.Name}:{inner}";
        }
    }

    // 表の一列目: `MyPage:Mail:Smtp:UserName` / `Password`、`…Certificate:Path` / `:Password`, or `:Thumbprint` は、最初の名前の兄弟
    private static HashSet<string> DocumentedSettings()
    {
        var readme = File.ReadAllLines(Path.Combine(Repository.Root, "README.md"));
        var settings = new HashSet<string>();
        foreach (var row in readme.SkipWhile(l => l != "## Settings").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var names = Code().Matches(row.Split('|')[1]).Select(m => m.Groups[1].Value).ToList();
            var first = names[0];
            settings.Add(first);
            var parent = first[..(first.LastIndexOf(':') + 1)];
            foreach (var sibling in names.Skip(1)) settings.Add(parent + sibling.TrimStart(':'));
        }
        return settings;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
