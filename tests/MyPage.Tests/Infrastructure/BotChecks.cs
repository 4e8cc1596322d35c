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

    // 画面にある問題の大きさ（探す数の上限）
    public static int MaxNumber(string html)
    {
        var match = ChallengePattern().Match(html);
        if (!match.Success) throw new InvalidOperationException("人の確認の問題がありません");
        using var challenge = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        return challenge.RootElement.GetProperty("maxnumber").GetInt32();
    }

    // 画面にある問題を解いて、BotCheck 欄に入れる答え（base64 の JSON）を返す（ブラウザの Worker と同じ計算を、速く）
    public static string Solve(string html)
    {
        var match = ChallengePattern().Match(html);
        if (!match.Success) throw new InvalidOperationException("人の確認の問題がありません");
        using var challenge = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var root = challenge.RootElement;
        var salt = root.GetProperty("salt").GetString()!;
        var target = root.GetProperty("challenge").GetString()!;
        var wanted = Convert.FromHexString(target);
        var max = root.GetProperty("maxnumber").GetInt32();
        var prefix = Encoding.UTF8.GetBytes(salt);
        var buffer = new byte[prefix.Length + 11];
        prefix.CopyTo(buffer, 0);
        Span<byte> hash = stackalloc byte[32];
        for (var n = 0; n <= max; n++)
        {
            n.TryFormat(buffer.AsSpan(prefix.Length), out var digits, default, CultureInfo.InvariantCulture);
            SHA256.HashData(buffer.AsSpan(0, prefix.Length + digits), hash);
            if (!hash.SequenceEqual(wanted)) continue;
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
