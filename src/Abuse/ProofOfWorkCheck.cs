using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using MyPage.Security;

namespace MyPage.Abuse;

// 計算による確認（ALTCHA の形）: salt は乱数と期限と action、challenge = SHA-256(salt + number)、
// signature = サイトの鍵の HMAC(challenge, action, 接続元)。ブラウザは 0〜maxnumber の number を探して返す。
// 問題は取った接続元にだけ通る（ほかの接続元で解かせた答えを持ち込めない）。答えは一度だけ: 使った challenge を表に入れ、
// 二度目は入らない（期限のあとで後片付けが消す）。同じ接続元がこの1時間に確認を通るたびに、次の問題の大きさは倍になる
// （人は一度か二度で済むが、送り続けるスクリプトには、送るほど重くなる）。
internal sealed class ProofOfWorkCheck(CheckPasses passes, IdTags tags, RequestOrigins origins, IOptions<BotCheckOptions> options, TimeProvider time) : IBotCheck
{
    public const string Algorithm = "SHA-256";
    public const int Ceiling = 10_000_000;
    private ProofOfWorkOptions Options => options.Value.ProofOfWork;

    public BotCheckProvider Provider => BotCheckProvider.ProofOfWork;

    public async Task<BotCheckWidget> WidgetAsync(HttpContext http, string action, CancellationToken ct = default)
    {
        var client = origins.Of(http).Key;
        var max = await MaxNumberAsync(client, ct);
        var expires = (time.GetUtcNow() + Options.Lifetime).ToUnixTimeSeconds();
        var salt = $"{Tokens.NewUrlSafe(12)}?expires={expires.ToString(CultureInfo.InvariantCulture)}&action={action}";
        var number = RandomNumberGenerator.GetInt32(0, max + 1);
        var challenge = Tokens.Sha256Hex(salt + number.ToString(CultureInfo.InvariantCulture));
        var json = JsonSerializer.Serialize(new Challenge(Algorithm, challenge, max, salt, Sign(challenge, action, client)));
        return new(Provider, action, Challenge: json);
    }

    // この接続元の次の問題の大きさ: 基本の大きさを、この1時間に通った確認の数だけ倍に（上限あり）
    public async Task<int> MaxNumberAsync(string client, CancellationToken ct = default)
        => (int)Math.Min(Ceiling, (long)Options.MaxNumber << await passes.CountAsync(client, ct));

    public async Task<BotCheckOutcome> VerifyAsync(HttpContext http, string? response, string action, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(response)) return BotCheckOutcome.Missing;
        if (Parse(response) is not { } solution) return BotCheckOutcome.Failed;
        if (solution.Algorithm != Algorithm || solution.Number < 0 || solution.Number > Ceiling) return BotCheckOutcome.Failed;
        var client = origins.Of(http).Key;
        // 署名はこの接続元とこのフォームのもの（ほかの接続元やフォームで取った問題は通らない）
        if (!Tokens.FixedTimeEquals(Sign(solution.Challenge, action, client), solution.Signature)) return BotCheckOutcome.Failed;
        if (!Tokens.FixedTimeEquals(Tokens.Sha256Hex(solution.Salt + solution.Number.ToString(CultureInfo.InvariantCulture)), solution.Challenge)) return BotCheckOutcome.Failed;

        var query = System.Web.HttpUtility.ParseQueryString(solution.Salt.Contains('?', StringComparison.Ordinal) ? solution.Salt[solution.Salt.IndexOf('?', StringComparison.Ordinal)..] : "");
        if (query["action"] != action || !long.TryParse(query["expires"], CultureInfo.InvariantCulture, out var expires)) return BotCheckOutcome.Failed;
        var now = time.GetUtcNow();
        if (now.ToUnixTimeSeconds() >= expires) return BotCheckOutcome.Failed;

        // 一度だけ: 先に入れた要求だけが通る（同時に二つ送っても）。通った確認は、この接続元の次の問題を重くする
        return await passes.RecordAsync(solution.Challenge, client, DateTimeOffset.FromUnixTimeSeconds(expires), ct) ? BotCheckOutcome.Passed : BotCheckOutcome.Failed;
    }

    private string Sign(string challenge, string action, string client) => tags.Of($"proof-of-work:{challenge}|{action}|{client}");

    // ブラウザが返すもの: base64 の JSON（ALTCHA の payload と同じ）
    private static Solution? Parse(string response)
    {
        if (response.Length > 2000) return null;
        try
        {
            var solution = JsonSerializer.Deserialize<Solution>(Convert.FromBase64String(response));
            return solution is { Algorithm: not null, Challenge: not null, Salt: not null, Signature: not null } ? solution : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Challenge(
        [property: JsonPropertyName("algorithm")] string Algorithm,
        [property: JsonPropertyName("challenge")] string Value,
        [property: JsonPropertyName("maxnumber")] int MaxNumber,
        [property: JsonPropertyName("salt")] string Salt,
        [property: JsonPropertyName("signature")] string Signature);

    private sealed record Solution(
        [property: JsonPropertyName("algorithm")] string Algorithm,
        [property: JsonPropertyName("challenge")] string Challenge,
        [property: JsonPropertyName("number")] int Number,
        [property: JsonPropertyName("salt")] string Salt,
        [property: JsonPropertyName("signature")] string Signature);
}
