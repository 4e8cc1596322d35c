using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyPage.Abuse;
using MyPage.Account;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Login;
using MyPage.Mail;
using MyPage.PasswordReset;
using MyPage.Revocation;
using MyPage.Security;
using MyPage.Sessions;

namespace MyPage.IdChange;

// 申込みの結果。TooMany: 1時間あたりの上限に達した（RetryAt から、また送れる）
internal enum IdChangeRequestOutcome { Sent, TooMany }

internal sealed record IdChangeRequested(IdChangeRequestOutcome Outcome, DateTimeOffset? RetryAt = null);

// 認証キーの結果。Void: 使える申込みがない（期限切れ、5回の誤り、新しい申込みで無効）。
// AddressTaken: 申し込んだあとに、そのアドレスがほかの人の ID になった。Changed: ID が変わった。
// AlreadyChanged: 同時に送られたもう一つ（二度押し、別の端末）が、この申込みで変えた
internal enum IdChangeOutcome { Changed, AlreadyChanged, WrongKey, Locked, Void, AddressTaken }

// LockedByKey: この認証キーの誤りでロックがかかった（前からロック中なら false）
internal sealed record IdChangeResult(IdChangeOutcome Outcome, DateTimeOffset? LockedUntil = null, bool LockedByKey = false, int SessionsEnded = 0);

// いまのパスワードの代わりに、このセッションのマイナポータルからのログインを使えるか。Until: 使える時刻の終わり
internal enum MynaportalProof { NotMynaportal, Recent, TooOld }

internal sealed record SignInProof(MynaportalProof Mynaportal, DateTimeOffset? Until = null);

// 認証キーの入力を待っている変更（画面に見せるもの）
internal sealed record WaitingIdChange(string NewEmail, DateTimeOffset ExpiresAt);

// 「ID(メールアドレス)の変更」: 新しいアドレスへ認証キーを送り（申込み）、その認証キーで ID を変える（確認）。
// 職員のコマンド (staff change-id) も、同じ変更の手順 (ApplyAsync) を通る。
internal sealed class IdChanges(
    MyPageDb db,
    ILookupNormalizer normalizer,
    LoginThrottleStore throttle,
    Outbox outbox,
    CredentialRevocation revocation,
    Browsers browsers,
    IdTags tags,
    RequestOrigins origins,
    IOptions<RateLimitOptions> limits,
    TimeProvider time,
    AccountMetrics accountMetrics,
    AbuseMetrics abuseMetrics,
    ILogger<IdChanges> log)
{
    // 認証キーの作り方、期限、誤りの上限は S3 と同じ
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromMinutes(50);
    public const int MaxWrongKeys = 5;

    // マイナポータルからのログイン（マイナンバーカード）は、この間だけ、いまのパスワードの代わりになる
    // （パスワードとメールボックスの両方をなくした人が戻る道。離れた画面を他人に使われないよう、短く）
    public static readonly TimeSpan MynaportalGrace = TimeSpan.FromMinutes(10);

    public async Task<SignInProof> MynaportalProofAsync(HttpContext http)
    {
        if (await SessionClock.LoginOfAsync(http) is not { } login || login.Method != LoginMethods.Row(LoginMethod.Mynaportal).Code)
            return new(MynaportalProof.NotMynaportal);
        var until = login.SignedInAt + MynaportalGrace;
        return new(time.GetUtcNow() < until ? MynaportalProof.Recent : MynaportalProof.TooOld, until);
    }

    // 新しいアドレスへ「ID(メールアドレス)変更の確認」を送る。newEmail は正規化し、形を確かめたアドレス。
    // 本人の確認（パスワードかマイナポータル）は画面が先にする。もうほかの人の ID なら、同じ手順（キーの生成とハッシュ、行の記録）を
    // 踏み、認証キーの代わりに「すでに使われている」のメールを送る（画面は同じ: アドレスの有無はわからない）。
    // 前の申込みは使えなくなる。どちらのメールも、1時間あたりの上限に数える
    public async Task<IdChangeRequested> RequestAsync(Seeker seeker, string newEmail, RequestOrigin origin, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var hourAgo = now - RateLimitOptions.Hour;
        var key = ResetKey.Generate();
        var keyHash = ResetKey.Hash(key);
        var limit = limits.Value.IdChangeMailsPerSeekerPerHour;
        var toTag = tags.ForLog(newEmail);

        await using var tx = await outbox.BeginAsync(ct);
        var recent = await db.IdChangeRequests.Where(r => r.SeekerId == seeker.Id && r.CreatedAt > hourAgo)
            .OrderBy(r => r.CreatedAt).Select(r => r.CreatedAt).ToListAsync(ct);
        if (recent.Count >= Math.Max(1, limit))
        {
            log.IdChangeRequested(seeker.Id, toTag, false, true, origin.LogTag, now);
            abuseMetrics.Refused(RateLimitPolicy.IdChangeMails);
            // 窓の中の古いものが抜ければ、また送れる
            return new(IdChangeRequestOutcome.TooMany, recent[^Math.Max(1, limit)] + RateLimitOptions.Hour);
        }

        var taken = await Taken(seeker.Id, newEmail).AnyAsync(ct);
        await db.IdChangeRequests.Where(r => r.SeekerId == seeker.Id && r.UsedAt == null && r.VoidedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.VoidedAt, now), ct);
        db.IdChangeRequests.Add(new IdChangeRequest
        {
            Id = Guid.NewGuid().ToString("N"),
            SeekerId = seeker.Id,
            NewEmail = newEmail,
            KeyHash = keyHash,
            KeySent = !taken,
            CreatedAt = now,
            ExpiresAt = now + KeyLifetime,
        });
        if (taken) outbox.Add(newEmail, IdChangeMails.ConfirmSubject, IdChangeMails.InUseBody(now));
        else outbox.Add(newEmail, IdChangeMails.ConfirmSubject, IdChangeMails.ConfirmBody(now + KeyLifetime), secret: key);
        await tx.CommitAsync(ct);
        log.IdChangeRequested(seeker.Id, toTag, taken, false, origin.LogTag, now);
        return new(IdChangeRequestOutcome.Sent);
    }

    // 認証キーの入力を待っている、この求職者の最後の申込み（なければ null）
    public Task<WaitingIdChange?> WaitingAsync(string seekerId, CancellationToken ct = default)
        => Open(seekerId, time.GetUtcNow()).Select(r => new WaitingIdChange(r.NewEmail, r.ExpiresAt)).FirstOrDefaultAsync(ct);

    // 認証キーで ID を変える。照合の前に、申込みの一回分とアカウントのロックの一回分を予約する（並列でも照合は5回まで。
    // 認証キーの誤りはパスワードの誤りと同じにロックへ数える）。合えば、このセッションとこのブラウザのほかは、資格情報が開いたものを
    // すべて終える。同じ認証キーが同時に送られても、変わるのは一度だけ
    public async Task<IdChangeResult> ConfirmAsync(HttpContext http, Seeker seeker, string key, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var origin = origins.Of(http);
        var id = await Open(seeker.Id, now).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (id is null || await ReserveIdChangeAttempt.RunAsync(db, id, seeker.Id, now, MaxWrongKeys, ct) is not { } attempt)
        {
            log.IdChangeKeyVoid(seeker.Id, origin.LogTag);
            return new(IdChangeOutcome.Void);
        }

        var loginId = seeker.NormalizedUserName!;
        var lockReservation = await throttle.ReserveAsync(loginId, now, ct);
        if (!lockReservation.Granted)
        {
            log.RefusedWhileLocked("ID(メールアドレス)の変更の認証キー", tags.ForLog(loginId), origin.LogTag, now);
            return new(IdChangeOutcome.Locked, lockReservation.LockedUntil);
        }
        // 「すでに使われている」のメールを送った申込みには、どの認証キーも合わない（同じ照合をして、同じように失敗する）
        if (!ResetKey.Verify(key, attempt.KeyHash) || !attempt.KeySent)
        {
            log.IdChangeKeyRejected(seeker.Id, attempt.FailedAttempts, origin.LogTag);
            if (lockReservation.LocksOnFailure)
            {
                log.AccountLocked(tags.ForLog(loginId), lockReservation.LockedUntil, origin.LogTag, now);
                accountMetrics.LockoutStarted();
                return new(IdChangeOutcome.Locked, lockReservation.LockedUntil, LockedByKey: true);
            }
            return new(attempt.FailedAttempts >= MaxWrongKeys ? IdChangeOutcome.Void : IdChangeOutcome.WrongKey);
        }
        // 合った一回は誤りに数えない（それまでの誤りは残す: 認証キーはパスワードを確かめたことにはならない）
        await throttle.RefundAsync(loginId, lockReservation, ct);

        await using var tx = await outbox.BeginAsync(ct);
        var used = await db.IdChangeRequests.Where(r => r.Id == id && r.UsedAt == null && r.VoidedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.UsedAt, now), ct);
        if (used == 0)
        {
            if (await db.IdChangeRequests.AnyAsync(r => r.Id == id && r.UsedAt != null, ct)) return new(IdChangeOutcome.AlreadyChanged);
            log.IdChangeKeyVoid(seeker.Id, origin.LogTag);
            return new(IdChangeOutcome.Void);
        }
        var browser = UserAgents.Describe(http.Request.Headers.UserAgent.ToString());
        var keep = (SessionRestart.CurrentSessionKey(http), browsers.ExistingTagOf(http));
        var (outcome, ended) = await ApplyAsync(seeker, attempt.NewEmail, browser, origin.Masked, keep, ct);
        if (ended is null)
        {
            // 申し込んだあとに、ほかの人の ID になった（または同時に窓口で変わった）: この申込みは使えない（変更はしない）
            await db.IdChangeRequests.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.VoidedAt, now), ct);
            await tx.CommitAsync(ct);
            log.IdChangeKeyVoid(seeker.Id, origin.LogTag);
            return new(outcome);
        }
        await tx.CommitAsync(ct);
        var (fromTag, toTag) = (tags.ForLog(loginId), tags.ForLog(attempt.NewEmail));
        log.IdChanged(seeker.Id, fromTag, toTag, "seeker", ended[Grant.Sessions], origin.LogTag, now);
        return new(IdChangeOutcome.Changed, SessionsEnded: ended[Grant.Sessions]);
    }

    // 窓口で（staff change-id）: 職員が本人を確かめたので、認証キーなしで変える。セッションもブラウザも残さない
    public async Task<IdChangeResult> ChangeAtCounterAsync(Seeker seeker, string newEmail, CancellationToken ct = default)
    {
        var oldTag = tags.ForLog(seeker.NormalizedUserName);
        await using var tx = await outbox.BeginAsync(ct);
        var (outcome, ended) = await ApplyAsync(seeker, newEmail, browser: null, client: null, keep: (null, null), ct);
        if (ended is null) return new(outcome);
        await tx.CommitAsync(ct);
        var (newTag, now) = (tags.ForLog(newEmail), time.GetUtcNow());
        log.IdChanged(seeker.Id, oldTag, newTag, "staff", ended[Grant.Sessions], null, now);
        return new(IdChangeOutcome.Changed, SessionsEnded: ended[Grant.Sessions]);
    }

    // ID を変え（Identity の UserName、Email と、その正規化した値）、資格情報が開いたものを終え（keep のセッションとブラウザは残す）、
    // 前と新しいアドレスへ「ID(メールアドレス)変更完了通知」を積む。呼び出し側のトランザクションの中で。
    // 変えたら Changed と終えたものの数。新しいアドレスがもうほかの人の ID なら AddressTaken、読んだあとに ID が変わっていれば
    // （同じときの窓口での変更など）Void: どちらも何も変えない
    private async Task<(IdChangeOutcome Outcome, IReadOnlyDictionary<Grant, int>? Ended)> ApplyAsync(Seeker seeker, string newEmail, string? browser, string? client,
        (string? Session, string? Browser) keep, CancellationToken ct)
    {
        if (await Taken(seeker.Id, newEmail).AnyAsync(ct)) return (IdChangeOutcome.AddressTaken, null);
        var now = time.GetUtcNow();
        var (oldEmail, oldName) = (seeker.Email!, seeker.NormalizedUserName);
        var (name, email) = (normalizer.NormalizeName(newEmail), normalizer.NormalizeEmail(newEmail));
        // スタンプも変える: 前の ID で始めたワンタイムパスワードのログインは続けられず、同時に読まれた求職者の行の保存
        // （ConcurrencyStamp を見る Identity の更新）が、前の ID を書き戻すこともない
        var (securityStamp, concurrencyStamp) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString());
        // 一意の索引に断られても、トランザクションは続けられるように（PostgreSQL は失敗した文でトランザクション全体を止める）
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("ID の変更は呼び出し側のトランザクションの中で行います");
        await transaction.CreateSavepointAsync("id_change", ct);
        int updated;
        try
        {
            // 読んだときの ID のままなら（二つの変更が同時に来ても、前の ID から変えるのは一つだけ）
            updated = await db.Users.Where(s => s.Id == seeker.Id && s.NormalizedUserName == oldName).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.UserName, newEmail)
                .SetProperty(s => s.NormalizedUserName, name)
                .SetProperty(s => s.Email, newEmail)
                .SetProperty(s => s.NormalizedEmail, email)
                .SetProperty(s => s.EmailConfirmed, true)
                .SetProperty(s => s.SecurityStamp, securityStamp)
                .SetProperty(s => s.ConcurrencyStamp, concurrencyStamp), ct);
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            // 調べたあとに、ほかの人が同じアドレスで作った（一意の索引が断った）
            await transaction.RollbackToSavepointAsync("id_change", ct);
            return (IdChangeOutcome.AddressTaken, null);
        }
        if (updated == 0) return (IdChangeOutcome.Void, null);
        // 手元の求職者は、データベースに書いた値に合わせ、あとの保存で書き直さないように追跡から外す
        db.Entry(seeker).State = EntityState.Detached;
        (seeker.UserName, seeker.NormalizedUserName, seeker.Email, seeker.NormalizedEmail) = (newEmail, name, newEmail, email);
        (seeker.EmailConfirmed, seeker.SecurityStamp, seeker.ConcurrencyStamp) = (true, securityStamp, concurrencyStamp);

        var ended = await revocation.RevokeAsync(seeker.Id, RevocationReason.IdChanged, keep.Session, keep.Browser, ct);
        var linkedAt = await db.MynaportalLinks.AsNoTracking().Where(l => l.SeekerId == seeker.Id)
            .Select(l => (DateTimeOffset?)l.LinkedAt).SingleOrDefaultAsync(ct);
        var change = new IdChangeMails.Change(now, browser, client, linkedAt);
        outbox.Add(oldEmail, IdChangeMails.ChangedSubject, IdChangeMails.ChangedBodyForOld(change));
        outbox.Add(newEmail, IdChangeMails.ChangedSubject, IdChangeMails.ChangedBodyForNew(change));
        return (IdChangeOutcome.Changed, ended);
    }

    // ほかの求職者の ID（名前とメールアドレスの両方。Identity はどちらも一意に保つ）
    private IQueryable<Seeker> Taken(string seekerId, string newEmail)
    {
        var (name, email) = (normalizer.NormalizeName(newEmail), normalizer.NormalizeEmail(newEmail));
        return db.Users.Where(u => u.Id != seekerId && (u.NormalizedUserName == name || u.NormalizedEmail == email));
    }

    // まだ使える、この求職者の申込み（新しい順: 使えるのは最後のものだけ）
    private IQueryable<IdChangeRequest> Open(string seekerId, DateTimeOffset now)
        => db.IdChangeRequests.Where(r => r.SeekerId == seekerId && r.UsedAt == null && r.VoidedAt == null && r.ExpiresAt > now && r.FailedAttempts < MaxWrongKeys)
            .OrderByDescending(r => r.CreatedAt);
}

// 認証キーの入力を待っている ID(メールアドレス)の変更は、資格情報とともに終わる
internal sealed class IdChangeKeysRevoker(MyPageDb db) : IGrantRevoker
{
    public Grant Grant => Grant.IdChangeKeys;

    public Task<int> RevokeAsync(RevocationScope scope, CancellationToken ct)
    {
        var now = scope.Now;
        return db.IdChangeRequests.Where(r => r.SeekerId == scope.SeekerId && r.UsedAt == null && r.VoidedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.VoidedAt, now), ct);
    }
}
