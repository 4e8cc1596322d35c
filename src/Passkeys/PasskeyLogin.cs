using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Login;
using MyPage.Security;

namespace MyPage.Passkeys;

internal enum PasskeyLoginOutcome { Succeeded, Failed }

internal sealed record PasskeyLoginResult(PasskeyLoginOutcome Outcome, Seeker? Seeker = null);

// 「求職者マイページログイン」の「パスキーでログイン」。ID もパスワードもワンタイムパスワードも要らない: 端末のロック解除で本人を確かめる
// (user verification は必ず)。確かめは ASP.NET Core Identity (SignInManager の PerformPasskeyAssertionAsync)、ログインを済ませるのは
// LoginPipeline（PasskeySignInAsync は使わない: 自分の Cookie を作り、セッション、ログイン履歴、お知らせを飛ばす）。
// パスワードのロック中でも通る（ロックはパスワードを当てさせないためのもの）。
internal sealed class PasskeyLogin(
    SignInManager<Seeker> signIn,
    LoginPipeline pipeline,
    MyPageDb db,
    RequestOrigins origins,
    TimeProvider time,
    LoginMetrics metrics,
    ILogger<PasskeyLogin> log)
{
    // 問題を出す。誰のものかは聞かない（どの ID があるかを明かさない）: ブラウザが、このサイトのパスキーの中から本人に選ばせる
    public Task<string> OptionsAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    public async Task<PasskeyLoginResult> LoginAsync(HttpContext http, string? credentialJson, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(credentialJson) || credentialJson.Length > PasskeyChallenges.MaxCredentialJson) return Refuse(http, "no-credential");
        // 問題がない: 5分を過ぎた、もう答えた（Cookie は答えを調べるときに消える）、ほかのブラウザで出した
        if (!await PasskeyChallenges.IsOutstandingAsync(http, PasskeyStep.Assertion)) return Refuse(http, "no-challenge");

        // 署名、出した問題、オリジン、RP ID、本人確認 (UV)、署名の回数を調べ、パスキーの持ち主を引く（退会した人、消したパスキーは見つからない）
        var result = await signIn.PerformPasskeyAssertionAsync(credentialJson);
        if (!result.Succeeded) return Refuse(http, result.Failure.Message);

        // 同じ問題への答えは一度だけ（Cookie ごと写した答えを送り直しても通さない: 署名の回数を数えない端末もある）
        var now = time.GetUtcNow();
        if (PasskeyChallenges.ChallengeOf(credentialJson) is not { } challenge
            || !await UsedPasskeyChallenges.InsertIfAbsentAsync(db, challenge, now + PasskeyChallenges.Lifetime, ct))
            return Refuse(http, "replayed");

        var seeker = result.User;
        // 署名の回数（写した鍵を見つけるため）と最終利用日時。行は確かめのときに Identity のストアが読んで追跡している:
        // セッションを始めるトランザクション (LoginPipeline) で一緒に保存する（UserManager.AddOrUpdatePasskeyAsync は、
        // ログインのたびに求職者の行の確かめと書き込みを足す。ベンチマーク: tests/PasskeyBenchmark）
        var id = result.Passkey.CredentialId;
        var row = db.UserPasskeys.Local.FirstOrDefault(p => p.UserId == seeker.Id && p.CredentialId.AsSpan().SequenceEqual(id))
            ?? await db.UserPasskeys.SingleAsync(p => p.UserId == seeker.Id && p.CredentialId == id, ct);
        row.Data.SignCount = result.Passkey.SignCount;
        row.Data.IsBackedUp = result.Passkey.IsBackedUp;
        row.LastUsedAt = now;

        await pipeline.FinishAsync(http, seeker, LoginMethod.Passkey, ct);
        return new(PasskeyLoginOutcome.Succeeded, seeker);
    }

    private PasskeyLoginResult Refuse(HttpContext http, string reason)
    {
        log.PasskeyLoginRefused(reason, origins.Of(http).LogTag);
        metrics.Record(LoginMethod.Passkey, LoginAttemptOutcome.WrongCredentials);
        return new(PasskeyLoginOutcome.Failed);
    }
}
