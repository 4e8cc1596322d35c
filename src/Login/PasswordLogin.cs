using MyPage.Account;
using MyPage.Data;
using MyPage.OneTimePassword;
using MyPage.Security;

namespace MyPage.Login;

internal enum LoginOutcome { Succeeded, NeedsCode, Failed, Locked }

internal sealed record LoginResult(LoginOutcome Outcome, DateTimeOffset? LockedUntil = null, Seeker? Seeker = null);

// 「求職者マイページログイン」画面の ID・パスワードでのログイン。
// パスワードが合えば、このブラウザで省略を選んでいない限り、ログインはまだ済ませずにワンタイムパスワードを送る。
internal sealed class PasswordLogin(PasswordCheck check, PendingLogins pending, LoginPipeline pipeline, RequestOrigins origins)
{
    // returnUrl: ワンタイムパスワードのあとに戻る、検査済みの戻り先
    public async Task<LoginResult> LoginAsync(HttpContext http, string loginId, string password, string? returnUrl, CancellationToken ct = default)
    {
        var result = await check.CheckAsync(loginId, password, PasswordPurpose.Login, origins.Of(http), clearOnSuccess: false, ct: ct);
        switch (result.Outcome)
        {
            case PasswordCheckOutcome.Locked: return new(LoginOutcome.Locked, result.LockedUntil);
            case PasswordCheckOutcome.Wrong: return new(LoginOutcome.Failed);
        }

        var seeker = result.Seeker!;
        if (!await pending.SkipsCodeAsync(http, seeker, ct))
        {
            // 失敗の回数はコードが合うまで数え直さない: コードを当てるのがパスワードを当てるより楽にならないように
            await pending.StartAsync(http, seeker, returnUrl, ct);
            return new(LoginOutcome.NeedsCode, Seeker: seeker);
        }

        await pipeline.FinishAsync(http, seeker, LoginMethod.Password, ct);
        return new(LoginOutcome.Succeeded, Seeker: seeker);
    }
}

// 「ワンタイムパスワード入力」の「送信」: コードが合えば、ログインを済ませる（省略を選べば、このブラウザを覚える）
internal sealed class CodeLogin(PendingLogins pending, LoginPipeline pipeline)
{
    public async Task<CodeResult> LoginAsync(HttpContext http, string code, bool trustBrowser, CancellationToken ct = default)
    {
        var result = await pending.VerifyAsync(http, code, ct);
        if (result.Outcome != CodeOutcome.Accepted) return result;
        await pipeline.FinishAsync(http, result.Seeker!, LoginMethod.PasswordAndCode, ct);
        if (trustBrowser) await pending.TrustThisBrowserAsync(http, result.Seeker!, ct);
        return result;
    }
}
