using MyPage.Account;
using MyPage.Data;
using MyPage.Security;
using MyPage.Sessions;

namespace MyPage.Login;

// ログインを済ませる、ただ一つの場所。どの方法（パスワード、ワンタイムパスワード、マイナポータル、パスキー）も、
// 確かめ終えたらここを呼ぶ。方法ごとの違いは表 (LoginMethods) の行に書く:
// 失敗の回数をどうするか → セッションを始める（前回のログイン日時、ログイン履歴、このブラウザ、初めてのブラウザなら
// 「ログインのお知らせ」）→ 監査ログ。
internal sealed class LoginPipeline(
    LoginThrottleStore throttle,
    SessionStarter sessions,
    RequestOrigins origins,
    TimeProvider time,
    LoginMetrics metrics,
    ILogger<LoginPipeline> log)
{
    public async Task FinishAsync(HttpContext http, Seeker seeker, LoginMethod method, CancellationToken ct = default)
    {
        var row = LoginMethods.Row(method);
        var now = time.GetUtcNow();
        if (row.LockCount == LockCount.Clear) await throttle.ClearAsync(seeker.NormalizedUserName!, ct);
        await sessions.StartAsync(seeker, row.Code, row.Name, now, ct);
        row.Audit(log, seeker.Id, origins.Of(http).LogTag, now);
        metrics.Record(method, LoginAttemptOutcome.Success);
    }
}
