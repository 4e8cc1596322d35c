using MyPage.Audit;
using MyPage.Data;
using MyPage.Sessions;

namespace MyPage.Account;

public enum LoginOutcome { Succeeded, Failed, Locked }

public sealed record LoginResult(LoginOutcome Outcome, DateTimeOffset? LockedUntil = null, Seeker? Seeker = null);

// 「求職者マイページログイン」画面の ID・パスワードでのログイン。
public sealed class PasswordLogin(PasswordCheck check, SessionStarter sessions, TimeProvider time, ILogger<PasswordLogin> log)
{
    public async Task<LoginResult> LoginAsync(string loginId, string password, string? clientAddress, CancellationToken ct = default)
    {
        var result = await check.CheckAsync(loginId, password, PasswordCheck.ForLogin, clientAddress, ct);
        switch (result.Outcome)
        {
            case PasswordCheckOutcome.Locked: return new(LoginOutcome.Locked, result.LockedUntil);
            case PasswordCheckOutcome.Wrong: return new(LoginOutcome.Failed);
        }

        var seeker = result.Seeker!;
        var now = time.GetUtcNow();
        await sessions.StartAsync(seeker, SessionStarter.PasswordMethod, now, ct);
        log.LoginSucceeded(seeker.Id, SessionStarter.PasswordMethod, clientAddress, now);
        return new(LoginOutcome.Succeeded, Seeker: seeker);
    }
}
