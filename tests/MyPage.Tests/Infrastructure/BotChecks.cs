using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MyPage.Tests.Infrastructure;

// 画面の人の確認 (_BotCheck) を読み、計算による確認をテストの側で解く（ブラウザの Worker と同じ計算）
public static partial class BotChecks
{
    [GeneratedRegex("data-challenge=\"([^\"]+)\"")]
    private static partial Regex ChallengePattern();

    public static bool Asked(string html) => html.Contains("id=\"bot-check\"", StringComparison.Ordinal);

    // 画面にある問題を解いて、BotCheck 欄に入れる答え（base64 の JSON）を返す
    public static string Solve(string html)
    {
        var match = ChallengePattern().Match(html);
        if (!match.Success) throw new InvalidOperationException("人の確認の問題がありません");
        using var challenge = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var root = challenge.RootElement;
        var salt = root.GetProperty("salt").GetString()!;
        var target = root.GetProperty("challenge").GetString()!;
        var max = root.GetProperty("maxnumber").GetInt32();
        for (var n = 0; n <= max; n++)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + n.ToString(CultureInfo.InvariantCulture))));
            if (hash != target) continue;
            var payload = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["algorithm"] = root.GetProperty("algorithm").GetString()!,
                ["challenge"] = target,
                ["number"] = n,
                ["salt"] = salt,
                ["signature"] = root.GetProperty("signature").GetString()!,
            });
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(payload));
        }
        throw new InvalidOperationException("解けない問題です");
    }
}
