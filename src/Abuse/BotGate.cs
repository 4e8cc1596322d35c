using MyPage.Security;
using MyPage.Sessions;
using MyPage.Time;

namespace MyPage.Abuse;

// 画面に出す確認の状態: 部品、JavaScript のないブラウザの待つ確認、前の答えが通らなかったときの知らせ。
// SendWhenDone: 送信の結果として出た確認で、フォームをそのまま送り直せる（パスワードの欄がない: S2）なら、
// 答えが入りしだい送る（利用者はもう「次へ進む」を押している）。
// WaitInstead: 計算が長引いて、利用者が待つ確認に切り替えた（JavaScript があっても、待つ確認だけを出す）
internal sealed record BotCheckView(BotCheckWidget Widget, WaitChallenge? Wait, string? Problem, bool SendWhenDone = false, bool WaitInstead = false);

// 人の確認が要るかを決め、要るなら答えを確かめる。ふつうに使う人には出ない。
// 確かめる前に、パスワードのハッシュもデータベースの行も作らない（断る要求は安く断る）。
internal sealed class BotGate(IBotCheck check, WaitCheck waits, ClientFailures clients, Browsers browsers, RequestOrigins origins, AbuseMetrics metrics)
{
    public const string LoginAction = "login";
    public const string ResetAction = "reset";

    // S1 を開いたとき: この接続元に確認が要るなら、はじめから出しておく（ID とパスワードを入れている間に解ける）
    public async Task<BotCheckView?> ForLoginPageAsync(HttpContext http, CancellationToken ct = default)
        => Enabled && clients.KnownCheckRequiredUntil(origins.Of(http).Key) is not null
            ? await ViewAsync(http, LoginAction, null, ct)
            : null;

    // ログインの送信: ID をまたいだ失敗の多い接続元からは、確認を通ったときだけ。
    // その ID で前にログインしたブラウザは別扱い（同じ接続元の他人に締め出されない）
    public async Task<BotCheckView?> ForLoginAsync(HttpContext http, string loginId, string? response, CancellationToken ct = default)
    {
        if (!Enabled) return null;
        if (await clients.CheckRequiredUntilAsync(origins.Of(http).Key, ct) is null) return null;
        if (await browsers.KnownForAsync(http, loginId, ct)) return null;
        metrics.Refused(RateLimitPolicy.ClientLoginFailures);
        return await VerifyAsync(http, response, LoginAction, ct);
    }

    // 確認が要るときに答えを確かめる。通れば null、通らなければ画面に出す状態（新しい問題つき）。
    // 計算や reCAPTCHA の答えがなく、待つ確認のトークン (BotWait) があれば、そちらを確かめる（JavaScript のないブラウザ）
    public async Task<BotCheckView?> VerifyAsync(HttpContext http, string? response, string action, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(response) && WaitAnswer(http) is { } token)
        {
            var (waited, readyAt) = await waits.VerifyAsync(http, token, action, ct);
            if (waited != WaitOutcome.TooEarly) metrics.BotCheck(check.Provider, waited == WaitOutcome.Passed ? BotCheckResult.Passed : BotCheckResult.Failed, wait: true);
            if (waited == WaitOutcome.Passed) return null;
            // 早すぎた: 同じトークンのまま、押せる時刻を言う（出し直すと待ち直しになる）
            // 待つ確認で送ってきたブラウザには、待つ確認のまま返す（切り替えた人を計算に戻さない）
            if (waited == WaitOutcome.TooEarly)
                return new(await check.WidgetAsync(http, action, ct), new(token, readyAt!.Value), BotCheckTexts.TooEarly(JapanTime.FormatTime(readyAt.Value)), WaitInstead: true);
            return await ViewAsync(http, action, BotCheckTexts.WaitFailed, ct) with { WaitInstead = true };
        }
        var outcome = await check.VerifyAsync(http, response, action, ct);
        // 答えのない送信（まだ確認を見ていない）は、失敗に数えない
        if (outcome != BotCheckOutcome.Missing) metrics.BotCheck(check.Provider, outcome == BotCheckOutcome.Passed ? BotCheckResult.Passed : BotCheckResult.Failed);
        if (outcome == BotCheckOutcome.Passed) return null;
        return await ViewAsync(http, action, outcome switch
        {
            BotCheckOutcome.Missing => null,
            BotCheckOutcome.Unavailable => BotCheckTexts.Unavailable,
            _ => BotCheckTexts.Failed,
        }, ct);
    }

    // 画面に出す確認: 部品と、新しく出した待つ確認
    private async Task<BotCheckView> ViewAsync(HttpContext http, string action, string? problem, CancellationToken ct)
    {
        metrics.BotCheck(check.Provider, BotCheckResult.Shown);
        return new(await check.WidgetAsync(http, action, ct), await waits.IssueAsync(http, action, ct), problem);
    }

    // 計算の代わりに待つ確認（計算が長引いたときの切り替え）。いま出ている待つ確認をそのまま出す: 切り替えても待ち直しにも
    // 早まりにもならず、この接続元とこのフォームに結びつき、一度だけ、通るたびに倍（WaitCheck の決まりのまま）
    public async Task<BotCheckView?> WaitInsteadAsync(HttpContext http, string action, CancellationToken ct = default)
        => Enabled ? new(new BotCheckWidget(check.Provider, action), await waits.IssueAsync(http, action, ct), null, WaitInstead: true) : null;

    private static string? WaitAnswer(HttpContext http)
        => http.Request.HasFormContentType && http.Request.Form[WaitCheck.Field].ToString() is { Length: > 0 } token ? token : null;

    private bool Enabled => check.Provider != BotCheckProvider.None;

    // ?check=1 で開いた画面: 答えを求めずに部品だけ（reCAPTCHA を htmx の送信から出すとき、画面ごと開き直させる: BotCheckPages）
    public async Task<BotCheckView?> RequestedAsync(HttpContext http, string action, CancellationToken ct = default)
        => Enabled && http.Request.Query["check"] == "1" ? await ViewAsync(http, action, null, ct) : null;
}
