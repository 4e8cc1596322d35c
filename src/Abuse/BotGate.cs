using MyPage.Security;
using MyPage.Sessions;

namespace MyPage.Abuse;

// 画面に出す確認の状態: 部品、JavaScript なしで受け付けるようになる時刻、前の答えが通らなかったときの知らせ
public sealed record BotCheckView(BotCheckWidget Widget, DateTimeOffset? RetryAt, string? Problem);

// 人の確認が要るかを決め、要るなら答えを確かめる。ふつうに使う人には出ない。
// 確かめる前に、パスワードのハッシュもデータベースの行も作らない（断る要求は安く断る）。
public sealed class BotGate(IBotCheck check, ClientFailures clients, Browsers browsers, RequestOrigins origins)
{
    public const string LoginAction = "login";
    public const string ResetAction = "reset";

    // S1 を開いたとき: この接続元に確認が要るなら、はじめから出しておく（ID とパスワードを入れている間に解ける）
    public async Task<BotCheckView?> ForLoginPageAsync(HttpContext http, CancellationToken ct = default)
        => Enabled && clients.KnownCheckRequiredUntil(origins.Of(http).Key) is { } until
            ? new(await check.WidgetAsync(http, LoginAction, ct), until, null)
            : null;

    // ログインの送信: ID をまたいだ失敗の多い接続元からは、確認を通ったときだけ。
    // その ID で前にログインしたブラウザは別扱い（同じ接続元の他人に締め出されない）
    public async Task<BotCheckView?> ForLoginAsync(HttpContext http, string loginId, string? response, CancellationToken ct = default)
    {
        if (!Enabled) return null;
        if (await clients.CheckRequiredUntilAsync(origins.Of(http).Key, ct) is not { } until) return null;
        if (await browsers.KnownForAsync(http, loginId, ct)) return null;
        return await VerifyAsync(http, response, LoginAction, until, ct);
    }

    // 確認が要る (required) ときに答えを確かめる。通れば null、通らなければ画面に出す状態（新しい問題つき）
    public async Task<BotCheckView?> VerifyAsync(HttpContext http, string? response, string action, DateTimeOffset? retryAt, CancellationToken ct = default)
    {
        var outcome = await check.VerifyAsync(http, response, action, ct);
        if (outcome == BotCheckOutcome.Passed) return null;
        var widget = await check.WidgetAsync(http, action, ct);
        return outcome switch
        {
            BotCheckOutcome.Missing => new(widget, retryAt, null),
            BotCheckOutcome.Unavailable => new(widget, retryAt, BotCheckTexts.Unavailable),
            _ => new(widget, retryAt, BotCheckTexts.Failed),
        };
    }

    private bool Enabled => check.Provider != BotCheckProvider.None;

    // ?check=1 で開いた画面: 答えを求めずに部品だけ（reCAPTCHA を htmx の送信から出すとき、画面ごと開き直させる: BotCheckPages）
    public async Task<BotCheckView?> RequestedAsync(HttpContext http, string action, CancellationToken ct = default)
        => Enabled && http.Request.Query["check"] == "1" ? new(await check.WidgetAsync(http, action, ct), null, null) : null;
}
