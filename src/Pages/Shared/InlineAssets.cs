using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MyPage.Pages.Shared;

// 入口の画面に直接書くスタイル（wwwroot の同じファイルを、ビルドでアセンブリに埋め込んだもの）。
// 入口の画面はスタイルを HTML に書いて、往復一回で描ける。CSP にはその SHA-256 だけを許す（'unsafe-inline' なし）。
// フォームのスクリプト (js/forms.js) は直書きしない: すべての画面に 3.9 KB を足し、描くのには要らない（htmx の後に defer で読む。
// 指紋付きの URL なので、二つ目の画面からはキャッシュから）
// ログインの前の入口の画面には、スタイルシートから「ログイン後」～「ここまで」（求人、表、メニュー、セッションの警告）を
// 除いた部分だけを書く（S1 で約 4 KB 小さい）。順番は変えない（同じ強さの規則の勝ち負けが変わらない）。
// ホームはログイン後の入口なので全部を書く
internal static partial class InlineAssets
{
    private static readonly string Sheet = Read("site.css");

    public static readonly string Css = Compact(Sheet);

    public static readonly string EntryCss = Compact(SignedInOnly().Replace(Sheet, ""));

    public static IEnumerable<string> CssHashes => [Hash(Css), Hash(EntryCss)];

    [GeneratedRegex(@"/\* ログイン後 \*/.*?/\* ここまで \*/\n?", RegexOptions.Singleline)]
    private static partial Regex SignedInOnly();

    [GeneratedRegex(@"/\*.*?\*/\n?", RegexOptions.Singleline)]
    private static partial Regex Comment();

    // 注釈は HTML に書かない（日本語の注釈は一文字 3 バイト）
    private static string Compact(string css) => Comment().Replace(css, "").Trim();

    private static string Hash(string content) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)))}'";

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"MyPage.Inline.{name}")
            ?? throw new InvalidOperationException($"埋め込みの {name} がありません（MyPage.csproj の EmbeddedResource）");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
