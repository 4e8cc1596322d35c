using System.Globalization;
using System.Text;
using QRCoder;

namespace MyPage.Jobs;

// 求職番号の2次元バーコード（QRコード）を、ページに直接埋め込む SVG にする。
// style 属性を使わない（CSP の style-src 'self' のまま描ける）一本の path で、数百バイト。
internal static class QrSvg
{
    public static string Render(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                if (matrix[y][x]) path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
        return $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="160" height="160" role="img" aria-label="{System.Net.WebUtility.HtmlEncode(label)}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>""";
    }
}
