using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyPage.Abuse;
using MyPage.Account;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Mail;
using MyPage.Revocation;
using MyPage.Security;

namespace MyPage.PasswordReset;

// ReplacedKey: 合わないが、このブラウザの新しい申込みで無効になった前の認証キー（誤りとして数える）
internal enum ResetOutcome { Completed, WrongKey, ReplacedKey, KeyVoid }

// 申し込んだブラウザ: Known はその ID で前にログインしたブラウザ、Tag はブラウザの Cookie のタグ（なければ null）、
// PreviousReference はこのブラウザが前の申込みで受け取った参照（S3 の Cookie）
internal sealed record ResetBrowser(bool Known, string? Tag, string? PreviousReference);

// パスワード再登録: 申込み（S2）と、認証キーでの完了（S3）。
internal sealed class PasswordResets(
    MyPageDb db,
    UserManager<Seeker> users,
    LoginThrottleStore throttle,
    Outbox outbox,
    CredentialRevocation revocation,
    IdTags tags,
    RequestOrigins origins,
    IOptions<RateLimitOptions> limits,
    TimeProvider time,
    PasswordResetMetrics metrics,
    AbuseMetrics abuseMetrics,
    ILogger<PasswordResets> log)
{
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromMinutes(50);
    public const int MaxWrongKeys = 5;

    private RateLimitOptions Limits => limits.Value;

    // この申込みに人の確認が要るか。その ID で前にログインしたブラウザは要らない（自分の枠がある）。ほかは、その ID への
    // 申込みが1時間に ResetRequestsPerIdPerHour 回、またはその接続元からの申込みが ResetRequestsPerClientPerHour 回に達したら要る。
    // 登録のない ID にも同じように行を作って数えるので、確認が出るかどうかで ID の有無はわからない。
    // （確認なしで受け付ける時刻は、もう画面に出さない: JavaScript のないブラウザにも待つ確認がある）
    public async Task<bool> CheckNeededAsync(string loginId, RequestOrigin origin, bool knownBrowser, CancellationToken ct = default)
    {
        if (knownBrowser) return false;
        var hourAgo = time.GetUtcNow() - RateLimitOptions.Hour;
        var idTag = IdTag(loginId);
        var clientTag = origins.CountingTagOf(origin.Key);
        var strangers = db.PasswordResetRequests.Where(r => !r.KnownBrowser && r.CreatedAt > hourAgo);
        return await strangers.CountAsync(r => r.LoginIdTag == idTag, ct) >= Limits.ResetRequestsPerIdPerHour
            || await strangers.CountAsync(r => r.ClientTag == clientTag, ct) >= Limits.ResetRequestsPerClientPerHour;
    }

    // 申込みを受け付け、ブラウザに持たせる参照を返す。
    // 登録のないIDでも同じ手順（キーの生成とハッシュ、行の記録）を踏み、メールだけ送らない。loginId は正規化済みのID。
    // 新しいキーが無効にするのは、同じブラウザが前に受け取ったキーだけ（他人の申込みで、本人のブラウザのキーは消えない）。
    public async Task<string> RequestAsync(string loginId, RequestOrigin origin, ResetBrowser browser, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var hourAgo = now - RateLimitOptions.Hour;
        var reference = Tokens.NewUrlSafe();
        var key = ResetKey.Generate();
        var keyHash = ResetKey.Hash(key);
        var idTag = IdTag(loginId);
        var clientTag = origins.CountingTagOf(origin.Key);
        var seeker = await users.FindByNameAsync(loginId);

        await using var tx = await outbox.BeginAsync(ct);
        var recent = db.PasswordResetRequests.Where(r => r.MailQueued && r.CreatedAt > hourAgo);
        bool limited;
        if (browser.Known)
        {
            // 前にログインしたブラウザ: そのブラウザだけの枠（ほかのブラウザの申込みでは減らない）
            limited = await recent.CountAsync(r => r.LoginIdTag == idTag && r.KnownBrowser && r.BrowserTag == browser.Tag, ct) >= Limits.ResetMailsPerKnownBrowserPerHour;
        }
        else
        {
            // 知らないブラウザ: その ID へは人の確認を通っても ResetMailsPerIdPerHour 通まで。
            // その接続元からは、どの ID へも合わせて ResetMailsPerClientPerHour 通まで（それを超えたら、確認を解いても送らない）
            limited = await recent.CountAsync(r => r.LoginIdTag == idTag && !r.KnownBrowser, ct) >= Limits.ResetMailsPerIdPerHour
                || await recent.CountAsync(r => r.ClientTag == clientTag && !r.KnownBrowser, ct) >= Limits.ResetMailsPerClientPerHour;
        }
        var sendMail = seeker is not null && !limited;

        if (sendMail)
        {
            // 新しい認証キーを出したら、このブラウザが前に受け取ったキーは使えない
            var previous = browser.PreviousReference is { } old ? HashReference(old) : null;
            await db.PasswordResetRequests
                .Where(r => r.SeekerId == seeker!.Id && r.UsedAt == null && r.VoidedAt == null
                    && (r.Id == previous || (browser.Tag != null && r.BrowserTag == browser.Tag)))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.VoidedAt, now), ct);
            outbox.Add(seeker!.Email!, ResetMails.RequestSubject, ResetMails.RequestBody(now + KeyLifetime), secret: key);
        }
        db.PasswordResetRequests.Add(new PasswordResetRequest
        {
            Id = HashReference(reference),
            SeekerId = sendMail ? seeker!.Id : null,
            KeyHash = keyHash,
            LoginIdTag = idTag,
            ClientTag = clientTag,
            MailQueued = sendMail,
            KnownBrowser = browser.Known,
            BrowserTag = browser.Tag,
            CreatedAt = now,
            ExpiresAt = (now + KeyLifetime),
        });
        await tx.CommitAsync(ct);
        log.ResetRequested(idTag[..16], sendMail, limited, origin.LogTag, now);
        metrics.Record(PasswordResetEvent.Requested);
        if (sendMail) metrics.Record(PasswordResetEvent.Mailed);
        if (limited) abuseMetrics.Refused(RateLimitPolicy.ResetMails);
        return reference;
    }

    // このブラウザの申込みがまだあるか（S3 を開けるか）
    public Task<bool> ExistsAsync(string? reference, CancellationToken ct = default)
        => reference is null ? Task.FromResult(false) : db.PasswordResetRequests.AnyAsync(r => r.Id == HashReference(reference), ct);

    // 認証キーで新しいパスワードにする。キーは照合の前に一回分を予約して数える（並列でも5回まで）。
    // browserTag: 再登録したブラウザ（「前にログインしたブラウザ」のまま残す）
    // securityUrl: 完了のメールに書く「ログインの安全」の URL（パスキーの一覧と「削除」）
    public async Task<ResetOutcome> CompleteAsync(string reference, string key, string newPassword, RequestOrigin origin, string? browserTag, string securityUrl, CancellationToken ct = default)
    {
        var id = HashReference(reference);
        var now = time.GetUtcNow();
        var client = origin.LogTag;

        if (await ReserveKeyAttempt.RunAsync(db, id, now, MaxWrongKeys, ct) is not { } request)
        {
            log.ResetKeyVoid(id[..12], client);
            metrics.Record(PasswordResetEvent.Refused);
            return ResetOutcome.KeyVoid;
        }

        // 登録のないIDの申込みも同じ照合をして、同じように失敗する
        var keyMatches = ResetKey.Verify(key, request.KeyHash) && request.SeekerId is not null;
        if (!keyMatches)
        {
            log.ResetKeyRejected(id[..12], request.FailedAttempts, client);
            metrics.Record(PasswordResetEvent.Refused);
            if (request.FailedAttempts >= MaxWrongKeys) return ResetOutcome.KeyVoid;
            return await WasReplacedAsync(id, request.SeekerId, key, ct) ? ResetOutcome.ReplacedKey : ResetOutcome.WrongKey;
        }

        await using var tx = await outbox.BeginAsync(ct);
        // 同じキーで同時に完了しようとしても、使えるのは一度だけ
        var used = await db.PasswordResetRequests
            .Where(r => r.Id == id && r.UsedAt == null && r.VoidedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.UsedAt, now), ct);
        if (used == 0)
        {
            metrics.Record(PasswordResetEvent.Refused);
            return ResetOutcome.KeyVoid;
        }

        var seeker = await users.FindByIdAsync(request.SeekerId!)
            ?? throw new InvalidOperationException("申込みの求職者が見つかりません");
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, seeker, newPassword);
            if (!valid.Succeeded) throw new ArgumentException(valid.Errors.First().Description, nameof(newPassword));
        }
        seeker.PasswordHash = users.PasswordHasher.HashPassword(seeker, newPassword);
        // スタンプが変わると、古いパスワードで始めたワンタイムパスワードのログインは続けられない
        seeker.SecurityStamp = Guid.NewGuid().ToString("N");
        var updated = await users.UpdateAsync(seeker);
        if (!updated.Succeeded) throw new InvalidOperationException("パスワードを更新できませんでした: " + updated.Errors.First().Code);

        // パスワードが変わったら: 資格情報が開いたものをすべて終える（このブラウザは「前にログインしたブラウザ」のまま）。ロックは解除
        var ended = await revocation.RevokeAsync(seeker.Id, RevocationReason.PasswordReset, keepBrowserTag: browserTag, ct: ct);
        await throttle.ClearAsync(seeker.NormalizedUserName!, ct);
        var linkedAt = await db.MynaportalLinks.AsNoTracking().Where(l => l.SeekerId == seeker.Id).Select(l => (DateTimeOffset?)l.LinkedAt).SingleOrDefaultAsync(ct);
        // パスキーは再登録しても残る（Grant.Passkeys は退会のときだけ終わる）: 完了のメールに一覧を書く
        var passkeys = (await db.UserPasskeys.AsNoTracking().Where(p => p.UserId == seeker.Id).Select(p => new { p.Data.Name, p.Data.CreatedAt }).ToListAsync(ct))
            .OrderBy(p => p.CreatedAt).Select(p => (p.Name ?? "", p.CreatedAt)).ToList();
        outbox.Add(seeker.Email!, ResetMails.CompletedSubject, ResetMails.CompletedBody(now, linkedAt, passkeys, securityUrl));
        await tx.CommitAsync(ct);
        log.ResetCompleted(seeker.Id, ended[Grant.Sessions], client, now);
        metrics.Record(PasswordResetEvent.Completed);
        return ResetOutcome.Completed;
    }

    // 合わなかったキーが、この申込みが無効にした前の申込み（同じブラウザの前の S2）のキーか。
    // 無効にした時刻は、この申込みの時刻と同じ (RequestAsync)。登録のないIDの申込み (SeekerId なし) では調べない
    private async Task<bool> WasReplacedAsync(string id, string? seekerId, string key, CancellationToken ct)
    {
        if (seekerId is null) return false;
        var createdAt = await db.PasswordResetRequests.AsNoTracking().Where(r => r.Id == id).Select(r => r.CreatedAt).SingleAsync(ct);
        var replaced = await db.PasswordResetRequests.AsNoTracking()
            .Where(r => r.SeekerId == seekerId && r.Id != id && r.VoidedAt == createdAt && r.UsedAt == null)
            .Select(r => r.KeyHash).ToListAsync(ct);
        return replaced.Any(hash => ResetKey.Verify(key, hash));
    }

    private string IdTag(string loginId) => tags.Of(loginId);


    private static string HashReference(string reference) => Tokens.Sha256Hex(reference);
}

// まだ使っていない認証キーは、資格情報とともに終わる
internal sealed class ResetKeysRevoker(MyPageDb db) : IGrantRevoker
{
    public Grant Grant => Grant.ResetKeys;

    public Task<int> RevokeAsync(RevocationScope scope, CancellationToken ct)
    {
        var now = scope.Now;
        return db.PasswordResetRequests.Where(r => r.SeekerId == scope.SeekerId && r.UsedAt == null && r.VoidedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.VoidedAt, now), ct);
    }
}
