using MyPage.Audit;
using MyPage.Data;
using MyPage.OneTimePassword;
using MyPage.Sessions;

namespace MyPage.Account;

public enum LoginOutcome { Succeeded, NeedsCode, Failed, Locked }

public sealed record LoginResult(LoginOutcome Outcome, DateTimeOffset? LockedUntil = null, Seeker? Seeker = null);

// 「求職者マイページログイン」画面の ID・パスワードでのログイン。
// パスワードが合えば、このブラウザで省略を選んでいない限り、セッションはまだ始めずにワンタイムパスワードを送る。
public sealed class PasswordLogin(
    PasswordCheck check,
    LoginThrottleStore throttle,
    PendingLogins pending,
    SessionStarter sessions,
    TimeProvider time,
    ILogger<PasswordLogin> log)
{
    // returnUrl, linksMynaportal: ワンタイムパスワードのあとに続けること（検査済みの戻り先と、待っているマイナポータルの連携）
    public async Task<LoginResult> LoginAsync(HttpContext http, string loginId, string password, string? returnUrl, bool linksMynaportal,
        CancellationToken ct = default)
    {
        var client = http.Connection.RemoteIpAddress?.ToString();
        var result = await check.CheckAsync(loginId, password, PasswordCheck.ForLogin, client, clearOnSuccess: false, ct: ct);
        switch (result.Outcome)
        {
            case PasswordCheckOutcome.Locked: return new(LoginOutcome.Locked, result.LockedUntil);
            case PasswordCheckOutcome.Wrong: return new(LoginOutcome.Failed);
        }

        var seeker = result.Seeker!;
        if (!await pending.SkipsCodeAsync(http, seeker, ct))
        {
            // 失敗の回数はコードが合うまで数え直さない: コードを当てるのがパスワードを当てるより楽にならないように
            await pending.StartAsync(http, seeker, returnUrl, linksMynaportal, ct);
            return new(LoginOutcome.NeedsCode, Seeker: seeker);
        }

        await throttle.ClearAsync(loginId, ct);
        var now = time.GetUtcNow();
        await sessions.StartAsync(seeker, LoginMethods.Password, now, ct);
        log.LoginSucceeded(seeker.Id, LoginMethods.Password, client, now);
        return new(LoginOutcome.Succeeded, Seeker: seeker);
    }
}
