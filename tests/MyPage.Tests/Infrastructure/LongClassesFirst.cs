using System.Reflection;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("MyPage.Tests.Infrastructure.LongClassesFirst", "MyPage.Tests")]

namespace MyPage.Tests.Infrastructure;

// 二つのスレッドでテストクラスを並べて動かすとき、長いクラス（ブラウザを使う、dotnet のプロセスを起こす）を先に始める。
// 長いクラスが最後に一つだけ残って、もう一つのコアが空く時間を短くするため（最長のものから割り当てる: LPT）。
// 長さの目安は Category の Trait（Browser、Processes）と、そのクラスのテストの数
public sealed class LongClassesFirst : ITestCollectionOrderer
{
    private static readonly string[] LongCategories = ["Browser", "Processes"];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
        => testCollections
            .Select(collection => (collection, type: ClassOf(collection)))
            .OrderBy(c => IsLong(c.type) ? 0 : 1)
            .ThenByDescending(c => TestCount(c.type))
            .ThenBy(c => c.collection.DisplayName, StringComparer.Ordinal)
            .Select(c => c.collection);

    // 既定では、一つのテストクラスが一つのコレクション（表示名は "Test collection for 名前空間.クラス"）
    private static Type? ClassOf(ITestCollection collection)
    {
        var name = collection.DisplayName.Split(' ').Last();
        return typeof(LongClassesFirst).Assembly.GetType(name);
    }

    private static bool IsLong(Type? type)
        => type is not null && CustomTraits(type).Any(t => t.Name == "Category" && LongCategories.Contains(t.Value));

    private static IEnumerable<(string Name, string Value)> CustomTraits(Type type)
        => type.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(TraitAttribute))
            .Select(a => ((string)a.ConstructorArguments[0].Value!, (string)a.ConstructorArguments[1].Value!));

    private static int TestCount(Type? type)
        => type?.GetMethods(BindingFlags.Public | BindingFlags.Instance).Count(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()) ?? 0;
}
