using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyPage.Data;
using MyPage.Security;

namespace MyPage.Abuse;

internal enum WaitOutcome { Passed, TooEarly, Failed }

// 待つ確認の問題: フォームの BotWait 欄で送り返すトークンと、ボタンを押せるようになる時刻
internal sealed record WaitChallenge(string Token, DateTimeOffset ReadyAt);

// 待つ確認: JavaScript のないブラウザでも通れる人の確認。フォームは「このボタンは 14時05分20秒 から押せます」と言い、
// その時刻から一度だけ通る。トークンはこの接続元とこのフォームに結びつけた署名つきで、一つの接続元に出ているのはいつも一つだけ
// （画面を開き直しても同じ時刻のものが出る: 待ち直しにならず、並べて待たせて一度に送ることもできない）。待つ時間は、この接続元がこの1時間に確認を
// 通るたびに倍になる（計算による確認の大きさと同じ数え方: CheckPasses）。スクリプトには計算と同じだけの時間がかかる。
internal sealed class WaitCheck(MyPageDb db, CheckPasses passes, IdTags tags, RequestOrigins origins, IOptions<BotCheckOptions> options, TimeProvider time)
{
    public const string Field = "BotWait";
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(30);

    // この接続元の待つ確認: 出ているものがあればそれ、なければ新しく出す
    public async Task<WaitChallenge> IssueAsync(HttpContext http, string action, CancellationToken ct = default)
    {
        var client = origins.Of(http).Key;
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var lifetimeMs = (long)options.Value.ProofOfWork.Lifetime.TotalMilliseconds;
        var key = OutstandingKey(client);
        var outstanding = await db.UsedBotChallenges.AsNoTracking().Where(c => c.Challenge == key)
            .Select(c => new { UsedAt = c.UsedAt.ToUnixTimeMilliseconds(), ExpiresAt = c.ExpiresAt.ToUnixTimeMilliseconds() }).SingleOrDefaultAsync(ct);
        // 押せるようになってから少なくとも1分は使えるものを出し直す（時刻とトークンは前と同じ）
        if (outstanding is not null && outstanding.ExpiresAt - nowMs > 60_000) return Challenge(outstanding.UsedAt, outstanding.ExpiresAt - lifetimeMs, outstanding.ExpiresAt, action, client);

        var issuedMs = nowMs;
        var wait = TimeSpan.FromTicks(Math.Min(Longest.Ticks, options.Value.Wait.Ticks << await passes.CountAsync(client, ct)));
        var readyMs = issuedMs + (long)wait.TotalMilliseconds;
        var expiresMs = readyMs + lifetimeMs;
        // 接続元ごとに一行（出した時刻）。署名は外から作れず、出した時刻が一行と合うものだけが通る
        await UsedChallenges.PutOutstandingAsync(db, key, DateTimeOffset.FromUnixTimeMilliseconds(issuedMs), DateTimeOffset.FromUnixTimeMilliseconds(expiresMs), ct);
        return Challenge(issuedMs, readyMs, expiresMs, action, client);
    }

    private WaitChallenge Challenge(long issuedMs, long readyMs, long expiresMs, string action, string client)
    {
        var fields = string.Join('.', issuedMs, readyMs, expiresMs);
        return new($"{fields}.{Sign(fields, action, client)}", DateTimeOffset.FromUnixTimeMilliseconds(readyMs));
    }

    // 送られたトークンを確かめる。早すぎればその時刻を返す（トークンはそのまま使える）
    public async Task<(WaitOutcome Outcome, DateTimeOffset? ReadyAt)> VerifyAsync(HttpContext http, string? token, string action, CancellationToken ct = default)
    {
        if (Parse(token) is not { } parsed) return (WaitOutcome.Failed, null);
        var client = origins.Of(http).Key;
        var fields = string.Join('.', parsed.IssuedMs, parsed.ReadyMs, parsed.ExpiresMs);
        if (!Tokens.FixedTimeEquals(Sign(fields, action, client), parsed.Signature)) return (WaitOutcome.Failed, null);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (nowMs >= parsed.ExpiresMs) return (WaitOutcome.Failed, null);
        var readyAt = DateTimeOffset.FromUnixTimeMilliseconds(parsed.ReadyMs);
        if (nowMs < parsed.ReadyMs) return (WaitOutcome.TooEarly, readyAt);

        // 一度だけ、いま出ているものだけ: 行を消せた要求が通る（あとから出したもので置き換わっていれば、消せない）
        var key = OutstandingKey(client);
        if (!await UsedChallenges.TakeOutstandingAsync(db, key, DateTimeOffset.FromUnixTimeMilliseconds(parsed.IssuedMs), ct)) return (WaitOutcome.Failed, null);
        // 通った確認として数える（次の確認が倍になる）
        await passes.RecordAsync(tags.Of("bot-wait-passed:" + parsed.Signature), client, DateTimeOffset.FromUnixTimeMilliseconds(parsed.ExpiresMs), ct);
        return (WaitOutcome.Passed, null);
    }

    // 表の鍵は 64 文字まで（UsedBotChallenges.Challenge）: 鍵付きのタグそのもの
    private string OutstandingKey(string client) => tags.Of("bot-wait-outstanding:" + client);

    private string Sign(string fields, string action, string client) => tags.Of($"bot-wait:{fields}|{action}|{client}");

    private static (long IssuedMs, long ReadyMs, long ExpiresMs, string Signature)? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var parts = token.Split('.');
        if (parts.Length != 4) return null;
        return long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ready)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            ? (issued, ready, expires, parts[3]) : null;
    }
}
