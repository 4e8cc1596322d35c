using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MyPage.Data;

// 生の SQL（EF の LINQ では一つの文にできない、原子的な数え方など）はここと Statements/ だけに書く。
// 表と列の名前は EF のモデルから引く（プロパティは nameof で渡す）: 名前を変えればビルドが壊れ、片方のプロバイダーだけ実行時に壊れることはない。
// 時刻 (DateTimeOffset) は列と同じ形に直して渡す（SQLite は整数のミリ秒、PostgreSQL は timestamptz）。
internal static class RawSql
{
    // T の表と列の名前（引用済み）
    public static Names<T> NamesOf<T>(this MyPageDb db) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} はモデルにありません");
        return new(entity);
    }

    // $"..." のうち、Name は SQL にそのまま書き、ほかの値はパラメーターにする
    public static FormattableString Sql(this MyPageDb db, FormattableString statement)
    {
        var format = new StringBuilder();
        var values = new List<object?>();
        var text = statement.Format;
        var holes = statement.GetArguments();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{') { format.Append("{{"); i++; continue; }
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}') { format.Append("}}"); i++; continue; }
            if (c != '{') { format.Append(c); continue; }
            var end = text.IndexOf('}', i);
            var index = int.Parse(text.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture);
            i = end;
            switch (holes[index])
            {
                case Name name:
                    format.Append(name.Quoted.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
                    break;
                case DateTimeOffset at:
                    format.Append('{').Append(values.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
                    values.Add(db.Instant(at));
                    break;
                case var value:
                    format.Append('{').Append(values.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
                    values.Add(value);
                    break;
            }
        }
        return FormattableStringFactory.Create(format.ToString(), [.. values]);
    }

    // SQL に引用して書く名前（表か列）
    public sealed record Name(string Quoted)
    {
        public override string ToString() => Quoted;
    }

    public sealed class Names<T>(IEntityType entity)
    {
        // 表の名前は {t.Table}、列の名前は {t[nameof(T.Column)]}
        private readonly StoreObjectIdentifier table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());

        public Name Table => new(Quote(table.Name));

        public Name this[string property]
            => new(Quote((entity.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} はモデルにありません"))
                .GetColumnName(table) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} は列ではありません")));

        private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
