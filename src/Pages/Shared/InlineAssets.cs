using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace MyPage.Pages.Shared;

// 入口の画面に直接書くスタイル（wwwroot の同じファイルを、ビルドでアセンブリに埋め込んだもの）。
// 入口の画面はスタイルを HTML に書いて、往復一回で描ける。CSP にはその SHA-256 だけを許す（'unsafe-inline' なし）。
// フォームのスクリプト (js/forms.js) は直書きしない: すべての画面に 3.9 KB を足し、描くのには要らない（htmx の後に defer で読む。
// 指紋付きの URL なので、二つ目の画面からはキャッシュから）
internal static class InlineAssets
{
    public static readonly string Css = Read("site.css");

    public static string CssHash => Hash(Css);

    private static string Hash(string content) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)))}'";

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"MyPage.Inline.{name}")
            ?? throw new InvalidOperationException($"埋め込みの {name} がありません（MyPage.csproj の EmbeddedResource）");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
