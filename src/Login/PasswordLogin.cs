using MyPage.Abuse;
using MyPage.Account;
using MyPage.Data;
using MyPage.OneTimePassword;
using MyPage.Security;

namespace MyPage.Login;

internal enum LoginOutcome { Succeeded, NeedsCode, Failed, Locked, NeedsBotCheck }

// BotCheck: NeedsBotCheck のとき画面に出す人の確認
internal sealed record LoginResult(LoginOutcome Outcome, DateTimeOffset? LockedUntil = null, Seeker? Seeker = null, BotCheckView? BotCheck = null);

// 「求職者マイページログイン」画面の ID・パスワードでのログイン。
// パスワードが合えば、このブラウザで省略を選んでいない限り、ログインはまだ済ませずにワンタイムパスワードを送る。
internal sealed class PasswordLogin(PasswordCheck check, PendingLogins pending, LoginPipeline pipeline, BotGate botGate, RequestOrigins origins, LoginMetrics metrics)
{
    // returnUrl: ワンタイムパスワードのあとに戻る、検査済みの戻り先。botCheckAnswer: 画面の人の確認の答え（あれば）
    public async Task<LoginResult> LoginAsync(HttpContext http, string loginId, string password, string? botCheckAnswer, string? returnUrl, CancellationToken ct = default)
    {
        // ID をまたいだ失敗の多い接続元からは、人の確認を通ってから（断るときはハッシュもデータベースの行も作らない）
        if (await botGate.ForLoginAsync(http, loginId, botCheckAnswer, ct) is { } botCheck)
        {
            metrics.Record(LoginMethod.Password, LoginAttemptOutcome.BotCheckRequired);
            return new(LoginOutcome.NeedsBotCheck, BotCheck: botCheck);
        }

        var result = await check.CheckAsync(loginId, password, PasswordPurpose.Login, origins.Of(http), clearOnSuccess: false, ct: ct);
        switch (result.Outcome)
        {
            case PasswordCheckOutcome.Locked:
                metrics.Record(LoginMethod.Password, LoginAttemptOutcome.Locked);
                return new(LoginOutcome.Locked, result.LockedUntil);
            case PasswordCheckOutcome.Wrong:
                metrics.Record(LoginMethod.Password, LoginAttemptOutcome.WrongCredentials);
                return new(LoginOutcome.Failed);
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
internal sealed class CodeLogin(PendingLogins pending, LoginPipeline pipeline, LoginMetrics metrics)
{
    public async Task<CodeResult> LoginAsync(HttpContext http, string code, bool trustBrowser, CancellationToken ct = default)
    {
        var result = await pending.VerifyAsync(http, code, ct);
        switch (result.Outcome)
        {
            case CodeOutcome.Wrong or CodeOutcome.Replaced:
                metrics.Record(LoginMethod.PasswordAndCode, LoginAttemptOutcome.WrongCredentials);
                return result;
            case CodeOutcome.Locked:
                metrics.Record(LoginMethod.PasswordAndCode, LoginAttemptOutcome.Locked);
                return result;
            case CodeOutcome.Void:
                return result;
        }
        await pipeline.FinishAsync(http, result.Seeker!, LoginMethod.PasswordAndCode, ct);
        if (trustBrowser) await pending.TrustThisBrowserAsync(http, result.Seeker!, ct);
        return result;
    }
}
