using MyPage.Audit;

namespace MyPage.Revocation;

// 資格情報（パスワード、マイナポータルの連携）が開いたもの。新しい種類を足したら、その持ち主のモジュールが
// IGrantRevoker を登録する（RevocationTests が、どの種類にもちょうど一つあることを確かめる）。
internal enum Grant
{
    // ログインセッション
    Sessions,

    // ワンタイムパスワードを待っているログイン（「ワンタイムパスワード入力」の途中）
    WaitingLogins,

    // ワンタイムパスワードを省略してよいブラウザ
    TrustedBrowsers,

    // 前にログインしたブラウザ（S2 の自分の枠、人の確認の免除、「ログインのお知らせ」を送らない）
    KnownBrowsers,

    // まだ使っていない認証キー
    ResetKeys,

    // ログインのあと、本人の「連携する」を待っているマイナポータルのサインイン
    MynaportalSignInsAwaitingLink,

    // 認証キーの入力を待っている ID(メールアドレス)の変更（始めるのにパスワードかマイナポータルのログインが要った）
    IdChangeKeys,
    // 登録したパスキー。終えるのは退会のときだけ（パスワードの再登録と「他の端末からログアウトする」では残す:
    // パスキーはパスワードから作られたものではなく、本人の端末にある別の鍵。再登録の完了のメールが一覧を知らせる）
    Passkeys,
}

// なぜ終えるか（監査ログ）
internal enum RevocationReason { PasswordReset, Withdrawal, SignOutOtherDevices, MynaportalUnlinked, IdChanged }

// 終えるものと残すもの。KeepSessionKey: このセッション（Cookie の鍵）は残す。KeepBrowserTag: このブラウザは「前にログインしたブラウザ」のまま。
// Reason: 終えたセッションの端末に、次に来たとき理由を伝えるため
internal sealed record RevocationScope(string SeekerId, string? KeepSessionKey, string? KeepBrowserTag, DateTimeOffset Now, RevocationReason Reason);

// 一つの種類を終える（呼び出し側のトランザクションの中で、一つの集合の UPDATE か DELETE で）。終えた数を返す
internal interface IGrantRevoker
{
    Grant Grant { get; }
    Task<int> RevokeAsync(RevocationScope scope, CancellationToken ct);
}

// 資格情報が開いたものを、一度にすべて終える、ただ一つの操作。パスワードの再登録、退会、「他の端末からログアウトする」、
// マイナポータルの連携解除、ID(メールアドレス)の変更が、それぞれ残すもの（いまのセッション、このブラウザ）を渡して呼ぶ。
internal sealed class CredentialRevocation(IEnumerable<IGrantRevoker> revokers, TimeProvider time, ILogger<CredentialRevocation> log)
{
    public async Task<IReadOnlyDictionary<Grant, int>> RevokeAsync(string seekerId, RevocationReason reason,
        string? keepSessionKey = null, string? keepBrowserTag = null, CancellationToken ct = default)
    {
        var scope = new RevocationScope(seekerId, keepSessionKey, keepBrowserTag, time.GetUtcNow(), reason);
        var ended = new Dictionary<Grant, int>();
        foreach (var revoker in revokers.OrderBy(r => r.Grant))
            ended[revoker.Grant] = await revoker.RevokeAsync(scope, ct);
        if (log.IsEnabled(LogLevel.Information))
            log.CredentialsRevoked(seekerId, reason.ToString(), string.Join(' ', ended.Select(e => $"{e.Key}={e.Value}")));
        return ended;
    }
}

internal static class RevocationServices
{
    public static IServiceCollection AddCredentialRevocation(this IServiceCollection services)
    {
        services.AddScoped<CredentialRevocation>();
        return services;
    }

    // モジュールが自分の種類を登録する
    public static IServiceCollection AddGrantRevoker<T>(this IServiceCollection services) where T : class, IGrantRevoker
        => services.AddScoped<IGrantRevoker, T>();
}
