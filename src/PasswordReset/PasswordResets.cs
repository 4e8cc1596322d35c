using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MyPage.Account;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Mail;
using MyPage.Security;
using MyPage.Sessions;

namespace MyPage.PasswordReset;

public enum ResetOutcome { Completed, WrongKey, KeyVoid }

// パスワード再登録: 申込み（S2）と、認証キーでの完了（S3）。
public sealed class PasswordResets(
    MyPageDb db,
    UserManager<Seeker> users,
    LoginThrottleStore throttle,
    Outbox outbox,
    Browsers browsers,
    IdTags tags,
    TimeProvider time,
    ILogger<PasswordResets> log)
{
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromMinutes(50);
    public const int MaxWrongKeys = 5;

    // この申込みに人の確認が要るか（要るなら、確認なしで受け付けるようになる時刻も）。
    // その ID で前にログインしたブラウザは要らない（自分の枠がある）。ほかは、その ID への申込みが1時間に
    // PerAddressPerHour 回、またはその接続元からの申込みが RequestsPerClientPerHour 回を超えたら要る。
    // 登録のない ID にも同じように行を作って数えるので、確認が出るかどうかで ID の有無はわからない
    public async Task<(bool Required, DateTimeOffset? RetryAt)> CheckNeededAsync(string loginId, string? clientAddress, bool knownBrowser, CancellationToken ct = default)
    {
        if (knownBrowser) return (false, null);
        var now = time.GetUtcNow();
        var hourAgo = (now - MailQuota.Window).ToUnixTimeMilliseconds();
        var idTag = tags.Of(loginId);
        var clientTag = tags.Of(ClientAddress.Of(clientAddress));
        var strangers = db.PasswordResetRequests.Where(r => !r.KnownBrowser && r.CreatedAt > hourAgo);
        var forId = await FullUntilAsync(strangers.Where(r => r.LoginIdTag == idTag), MailQuota.PerAddressPerHour, ct);
        var fromClient = await FullUntilAsync(strangers.Where(r => r.ClientTag == clientTag), MailQuota.RequestsPerClientPerHour, ct);
        // 両方が上限なら、遅く空くほうまで
        var retryAt = forId is null ? fromClient : fromClient is null ? forId : forId > fromClient ? forId : fromClient;
        return (retryAt is not null, retryAt);
    }

    // この1時間の申込みが limit 件あれば、一番古いものが1時間の外へ出る（枠が空く）時刻。なければ null
    private static async Task<DateTimeOffset?> FullUntilAsync(IQueryable<PasswordResetRequest> lastHour, int limit, CancellationToken ct)
    {
        var latest = await lastHour.OrderByDescending(r => r.CreatedAt).Select(r => r.CreatedAt).Take(limit).ToListAsync(ct);
        return latest.Count >= limit ? DateTimeOffset.FromUnixTimeMilliseconds(latest[^1]) + MailQuota.Window : null;
    }

    // 申込みを受け付け、ブラウザに持たせる参照を返す。
    // 登録のないIDでも同じ手順（キーの生成とハッシュ、行の記録）を踏み、メールだけ送らない。
    // loginId は正規化済みのID。knownBrowser: その ID で前にログインしたブラウザ（他人に使い切られない自分の枠で数える）
    public async Task<string> RequestAsync(string loginId, string? clientAddress, bool knownBrowser = false, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var hourAgo = (now - MailQuota.Window).ToUnixTimeMilliseconds();
        var reference = Tokens.NewUrlSafe();
        var key = ResetKey.Generate();
        var keyHash = ResetKey.Hash(key);
        var idTag = tags.Of(loginId);
        var clientTag = tags.Of(ClientAddress.Of(clientAddress));
        var seeker = await users.FindByNameAsync(loginId);

        await using var tx = await outbox.BeginAsync(ct);
        // 知らないブラウザからの申込みで送るメールは、人の確認を通っても1時間に CeilingPerAddressPerHour 通まで。
        // 前にログインしたブラウザには別の枠（KnownBrowserPerHour 通）があり、他人の申込みでは減らない
        var mailsForId = await db.PasswordResetRequests.CountAsync(r => r.LoginIdTag == idTag && r.MailQueued && r.KnownBrowser == knownBrowser && r.CreatedAt > hourAgo, ct);
        var limited = mailsForId >= (knownBrowser ? MailQuota.KnownBrowserPerHour : MailQuota.CeilingPerAddressPerHour);
        var sendMail = seeker is not null && !limited;

        if (sendMail)
        {
            // 新しい認証キーを出したら、前のキーは使えない
            await db.PasswordResetRequests
                .Where(r => r.SeekerId == seeker!.Id && r.UsedAt == null && r.VoidedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.VoidedAt, nowMs), ct);
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
            KnownBrowser = knownBrowser,
            CreatedAt = nowMs,
            ExpiresAt = (now + KeyLifetime).ToUnixTimeMilliseconds(),
        });
        await tx.CommitAsync(ct);
        log.ResetRequested(idTag[..16], sendMail, limited, clientAddress, now);
        return reference;
    }

    // このブラウザの申込みがまだあるか（S3 を開けるか）
    public Task<bool> ExistsAsync(string? reference, CancellationToken ct = default)
        => reference is null ? Task.FromResult(false) : db.PasswordResetRequests.AnyAsync(r => r.Id == HashReference(reference), ct);

    // 認証キーで新しいパスワードにする。キーは照合の前に一回分を予約して数える（並列でも5回まで）。
    public async Task<ResetOutcome> CompleteAsync(string reference, string key, string newPassword, string? clientAddress, CancellationToken ct = default)
    {
        var id = HashReference(reference);
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();

        var reserved = await db.Database.SqlQuery<Reservation>($"""
            UPDATE "PasswordResetRequests" SET "FailedAttempts" = "FailedAttempts" + 1
            WHERE "Id" = {id} AND "UsedAt" IS NULL AND "VoidedAt" IS NULL AND "ExpiresAt" > {db.Instant(nowMs)} AND "FailedAttempts" < {MaxWrongKeys}
            RETURNING "FailedAttempts", "SeekerId", "KeyHash"
            """).ToListAsync(ct);
        if (reserved is not [var request])
        {
            log.ResetKeyVoid(id[..12], clientAddress);
            return ResetOutcome.KeyVoid;
        }

        // 登録のないIDの申込みも同じ照合をして、同じように失敗する
        var keyMatches = ResetKey.Verify(key, request.KeyHash) && request.SeekerId is not null;
        if (!keyMatches)
        {
            log.ResetKeyRejected(id[..12], request.FailedAttempts, clientAddress);
            return request.FailedAttempts >= MaxWrongKeys ? ResetOutcome.KeyVoid : ResetOutcome.WrongKey;
        }

        await using var tx = await outbox.BeginAsync(ct);
        // 同じキーで同時に完了しようとしても、使えるのは一度だけ
        var used = await db.PasswordResetRequests
            .Where(r => r.Id == id && r.UsedAt == null && r.VoidedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.UsedAt, nowMs), ct);
        if (used == 0) return ResetOutcome.KeyVoid;

        var seeker = await users.FindByIdAsync(request.SeekerId!)
            ?? throw new InvalidOperationException("申込みの求職者が見つかりません");
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, seeker, newPassword);
            if (!valid.Succeeded) throw new ArgumentException(valid.Errors.First().Description, nameof(newPassword));
        }
        seeker.PasswordHash = users.PasswordHasher.HashPassword(seeker, newPassword);
        seeker.SecurityStamp = Guid.NewGuid().ToString("N");
        var updated = await users.UpdateAsync(seeker);
        if (!updated.Succeeded) throw new InvalidOperationException("パスワードを更新できませんでした: " + updated.Errors.First().Code);

        // パスワードが変わったら: ほかの申込みのキーは無効、すべてのセッションは終わり、ロックは解除
        await db.PasswordResetRequests
            .Where(r => r.SeekerId == seeker.Id && r.UsedAt == null && r.VoidedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.VoidedAt, nowMs), ct);
        var sessions = await ServerSessionStore.EndAllAsync(db, seeker.Id, ct);
        // ワンタイムパスワードを省略していたブラウザも、もう省略しない（盗んだパスワードで作られた抜け道を残さない）
        var untrusted = await browsers.UntrustAllAsync(seeker.Id, ct);
        await throttle.ClearAsync(seeker.NormalizedUserName!, ct);
        var link = await db.MynaportalLinks.AsNoTracking().Where(l => l.SeekerId == seeker.Id).Select(l => (long?)l.LinkedAt).SingleOrDefaultAsync(ct);
        outbox.Add(seeker.Email!, ResetMails.CompletedSubject, ResetMails.CompletedBody(now, link is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null));
        await tx.CommitAsync(ct);
        log.ResetCompleted(seeker.Id, sessions, clientAddress, now);
        if (untrusted > 0) log.BrowserUntrusted(seeker.Id, untrusted, "パスワード再登録");
        return ResetOutcome.Completed;
    }

    private sealed record Reservation(int FailedAttempts, string? SeekerId, string KeyHash);

    private static string HashReference(string reference) => Tokens.Sha256Hex(reference);
}
