using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyPage.Abuse;
using MyPage.Account;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Mail;
using MyPage.Security;
using MyPage.Sessions;

namespace MyPage.OneTimePassword;

// Accepted: コードが合った（一度だけ）。ログインを済ませるのは呼び出し側 (CodeLogin → LoginPipeline)。
// Replaced: 合わないが、新しいメール（再送、またはログインのやり直し）で置き換えた前のコード（誤りとして数える）
internal enum CodeOutcome { Accepted, Wrong, Replaced, Void, Locked }

// Remaining: あと何回誤れるか（このコードの回数とアカウントのロックの回数の少ないほう）。LocksFirst: そのときロックされる
// （コードが使えなくなるより先に）。ByCode: このコードの誤りでロックされた
internal sealed record CodeResult(CodeOutcome Outcome, Seeker? Seeker = null, PendingLogin? Pending = null, int Remaining = 0, DateTimeOffset? LockedUntil = null,
    bool LocksFirst = false, bool ByCode = false);

internal enum ResendOutcome { Sent, LimitReached, Void }

// ID・パスワードが合ったあとの、ワンタイムパスワードを待つログイン。
// ブラウザは推測できない参照を Cookie に持ち、データベースにはそのハッシュと、コードの HMAC だけを置く（S3 の申込みと同じ形）。
internal sealed class PendingLogins(
    MyPageDb db,
    UserManager<Seeker> users,
    LoginThrottleStore throttle,
    Browsers browsers,
    Outbox outbox,
    IdTags tags,
    RequestOrigins origins,
    IOptions<OneTimePasswordOptions> options,
    IOptions<RateLimitOptions> limits,
    TimeProvider time,
    OneTimePasswordMetrics metrics,
    AccountMetrics accountMetrics,
    AbuseMetrics abuseMetrics,
    ILogger<PendingLogins> log)
{
    public const string CookieName = "__Host-mypage-otp";

    private OneTimePasswordOptions Options => options.Value;
    private RateLimitOptions Limits => limits.Value;

    // このブラウザではコードを省くか（「次回から一定期間…省略する」を選んだブラウザ、または使わない設定）
    public async Task<bool> SkipsCodeAsync(HttpContext http, Seeker seeker, CancellationToken ct = default)
        => !Options.Enabled || await browsers.IsTrustedAsync(http, seeker.Id, ct);

    // 待つログインを作り、コードをメールで送る。ブラウザに持たせる参照を返す
    public async Task<string> StartAsync(HttpContext http, Seeker seeker, string? returnUrl, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var reference = Tokens.NewUrlSafe();
        var id = Tokens.Sha256Hex(reference);
        var code = OneTimeCode.Generate(Options.Length);
        await using var tx = await outbox.BeginAsync(ct);
        var mail = await WithinMailQuotaAsync(seeker.Id, now, ct);
        db.PendingLogins.Add(new PendingLogin
        {
            Id = id,
            SeekerId = seeker.Id,
            CodeHash = OneTimeCode.Hash(tags, id, code),
            CreatedAt = now,
            CodeSentAt = now,
            ExpiresAt = (now + Options.Lifetime),
            // パスワードが変われば (再登録)、このログインは続けられない
            SecurityStamp = seeker.SecurityStamp,
            MailSent = mail,
            ReturnUrl = returnUrl,
        });
        if (mail) outbox.Add(seeker.Email!, OneTimePasswordMails.Subject, OneTimePasswordMails.Body(now + Options.Lifetime), secret: code);
        await tx.CommitAsync(ct);
        var client = origins.Of(http).LogTag;
        log.OneTimePasswordSent(seeker.Id, id[..12], resend: false, mail, client, now);
        if (mail) metrics.Record(OneTimePasswordEvent.Sent);
        else abuseMetrics.Refused(RateLimitPolicy.OneTimePasswordMails);
        http.Response.Cookies.Append(CookieName, reference, new CookieOptions
        {
            // ブラウザを閉じれば終わる。ログインの画面どうしの移動でだけ送る
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
        return reference;
    }

    // このブラウザの、まだ使えるログイン（なければ null）。始めたあとでパスワードが変わったログインは使えない
    public async Task<PendingLogin?> CurrentAsync(HttpContext http, CancellationToken ct = default)
    {
        if (Id(http) is not { } id) return null;
        var pending = await Usable(id, time.GetUtcNow()).SingleOrDefaultAsync(ct);
        if (pending is null) return null;
        var stamp = await db.Users.AsNoTracking().Where(s => s.Id == pending.SeekerId).Select(s => s.SecurityStamp).SingleOrDefaultAsync(ct);
        return stamp is not null && pending.SecurityStamp is not null && Tokens.FixedTimeEquals(stamp, pending.SecurityStamp) ? pending : null;
    }

    // このブラウザの待つログインが、期限が過ぎて終わっていれば、その期限（ほかの理由で終わった、ない: null）
    public async Task<DateTimeOffset?> ExpiredAtAsync(HttpContext http, CancellationToken ct = default)
    {
        if (Id(http) is not { } id) return null;
        var now = time.GetUtcNow();
        return await Unfinished(id).Where(p => p.ExpiresAt <= now).Select(p => (DateTimeOffset?)p.ExpiresAt).SingleOrDefaultAsync(ct);
    }

    public Task<string?> AddressAsync(PendingLogin pending, CancellationToken ct = default)
        => db.Users.AsNoTracking().Where(s => s.Id == pending.SeekerId).Select(s => s.Email).SingleOrDefaultAsync(ct);

    // コードを照合する。照合の前に、このログインの回数とアカウントのロックの回数を一回分ずつ予約する
    // （並列でも照合は MaxWrongEntries 回まで。コードの誤りはパスワードの誤りと同じにロックへ数える）。
    // 合えば、このログインを使い終わりにして Accepted（ログインを済ませるのは CodeLogin）。
    public async Task<CodeResult> VerifyAsync(HttpContext http, string code, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var client = origins.Of(http).LogTag;
        if (Id(http) is not { } id) return new(CodeOutcome.Void);

        if (await ReserveCodeAttempt.RunAsync(db, id, now, Options.MaxWrongEntries, ct) is not { } attempt)
        {
            log.OneTimePasswordVoid(id[..12], client, now);
            return new(CodeOutcome.Void);
        }

        var seeker = await users.FindByIdAsync(attempt.SeekerId);
        // 待つ間に退会した、またはパスワードが変わった（再登録）: 古いパスワードで始めたログインは続けられない
        if (seeker is null || !SameStamp(attempt.SecurityStamp, seeker))
        {
            log.OneTimePasswordVoid(id[..12], client, now);
            return new(CodeOutcome.Void);
        }
        var lockReservation = await throttle.ReserveAsync(seeker.NormalizedUserName!, now, ct);
        if (!lockReservation.Granted)
        {
            log.RefusedWhileLocked("ワンタイムパスワード", tags.ForLog(seeker.NormalizedUserName), client, now);
            return new(CodeOutcome.Locked, LockedUntil: lockReservation.LockedUntil);
        }

        if (!OneTimeCode.Matches(tags, id, code, attempt.CodeHash))
        {
            log.OneTimePasswordRejected(seeker.Id, id[..12], attempt.FailedAttempts, client, now);
            if (lockReservation.LocksOnFailure)
            {
                log.AccountLocked(tags.ForLog(seeker.NormalizedUserName), lockReservation.LockedUntil, client, now);
                accountMetrics.LockoutStarted();
                metrics.Record(OneTimePasswordEvent.Voided);
                return new(CodeOutcome.Locked, LockedUntil: lockReservation.LockedUntil, ByCode: true);
            }
            var remaining = Options.MaxWrongEntries - attempt.FailedAttempts;
            if (remaining <= 0)
            {
                metrics.Record(OneTimePasswordEvent.Voided);
                return new(CodeOutcome.Void);
            }
            // パスワードの誤りと合わせて数えるロックのほうが先に来るなら、その回数を言う
            var beforeLock = LoginThrottleStore.MaxFailures - lockReservation.Failures;
            return new(await WasReplacedAsync(id, attempt, code, ct) ? CodeOutcome.Replaced : CodeOutcome.Wrong,
                Remaining: Math.Min(remaining, beforeLock), LocksFirst: beforeLock <= remaining);
        }

        // 同じコードが同時に送られても、ログインになるのは一度だけ
        var used = await db.PendingLogins.Where(p => p.Id == id && p.UsedAt == null && p.VoidedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.UsedAt, now), ct);
        if (used == 0)
        {
            log.OneTimePasswordVoid(id[..12], client, now);
            return new(CodeOutcome.Void);
        }

        http.Response.Cookies.Delete(CookieName, new CookieOptions { Secure = true, Path = "/", SameSite = SameSiteMode.Strict });
        var pending = await db.PendingLogins.AsNoTracking().SingleAsync(p => p.Id == id, ct);
        metrics.Record(OneTimePasswordEvent.Passed);
        return new(CodeOutcome.Accepted, seeker, pending);
    }

    // 「次回から一定期間ワンタイムパスワードの入力を省略する」: ログインを済ませたあとに、このブラウザを
    public async Task TrustThisBrowserAsync(HttpContext http, Seeker seeker, CancellationToken ct = default)
    {
        if (Options.TrustedBrowserDays <= 0) return;
        var until = time.GetUtcNow() + TimeSpan.FromDays(Options.TrustedBrowserDays);
        await browsers.TrustAsync(http, seeker.Id, until, ct);
        log.BrowserTrusted(seeker.Id, until);
    }

    // 「ワンタイムパスワードを再送する」: 新しいコードを送り、前のコードは使えなくする。
    // 期限は最初のコードのまま延ばさない（再送を続けて、盗んだパスワードのログインを生かし続けられないように）。
    // 誤りの回数は引き継ぐ（再送で照合の回数は増えない）。パスワードが変わっていれば (再登録) 送らない
    public async Task<ResendOutcome> ResendAsync(HttpContext http, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (Id(http) is not { } id) return ResendOutcome.Void;
        var code = OneTimeCode.Generate(Options.Length);

        await using var tx = await outbox.BeginAsync(ct);
        var pending = await Usable(id, now).SingleOrDefaultAsync(ct);
        if (pending is null) return ResendOutcome.Void;
        var seeker = await users.FindByIdAsync(pending.SeekerId);
        if (seeker?.Email is null || !SameStamp(pending.SecurityStamp, seeker)) return ResendOutcome.Void;
        if (pending.Resends >= Options.MaxResends) return ResendOutcome.LimitReached;
        if (!await WithinMailQuotaAsync(pending.SeekerId, now, ct))
        {
            abuseMetrics.Refused(RateLimitPolicy.OneTimePasswordMails);
            return ResendOutcome.LimitReached;
        }

        var codeHash = OneTimeCode.Hash(tags, id, code);
        var replaced = string.IsNullOrEmpty(pending.ReplacedCodeHashes) ? pending.CodeHash : $"{pending.ReplacedCodeHashes},{pending.CodeHash}";
        var updated = await db.PendingLogins.Where(p => p.Id == id && p.UsedAt == null && p.VoidedAt == null && p.Resends == pending.Resends)
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.CodeHash, codeHash)
                .SetProperty(p => p.ReplacedCodeHashes, replaced)
                .SetProperty(p => p.CodeSentAt, now)
                .SetProperty(p => p.MailSent, true)
                .SetProperty(p => p.Resends, p => p.Resends + 1), ct);
        if (updated == 0) return ResendOutcome.LimitReached; // 同時に押された再送の片方
        outbox.Add(seeker.Email, OneTimePasswordMails.Subject, OneTimePasswordMails.Body(pending.ExpiresAt), secret: code);
        await tx.CommitAsync(ct);
        var client = origins.Of(http).LogTag;
        log.OneTimePasswordSent(pending.SeekerId, id[..12], resend: true, mail: true, client, now);
        metrics.Record(OneTimePasswordEvent.Sent);
        return ResendOutcome.Sent;
    }

    // 一人に1時間で送るワンタイムパスワードのメールの上限（パスワードを知る者にメールを送りつけさせない）。
    // 超えたら画面でそう伝える（正しいパスワードのあとなので、知らせても列挙にならない）
    private async Task<bool> WithinMailQuotaAsync(string seekerId, DateTimeOffset now, CancellationToken ct)
        => await MailedWithinTheHour(seekerId, now).SumAsync(p => 1 + p.Resends, ct) < Limits.OneTimePasswordMailsPerHour;

    // この1時間にコードをメールで送った、この求職者の待つログイン（上限の数え方と、次に送れる時刻とで同じ）
    private IQueryable<PendingLogin> MailedWithinTheHour(string seekerId, DateTimeOffset now)
    {
        var since = now - RateLimitOptions.Hour;
        return db.PendingLogins.AsNoTracking().Where(p => p.SeekerId == seekerId && p.CodeSentAt > since && p.MailSent);
    }

    // 合わなかったコードが、新しいメールで置き換えた前のコードか: このログインの「再送する」の前のコード、
    // またはこの求職者が同じ有効期間のうちに始めた前のログイン（S1 のやり直し）のコード
    private async Task<bool> WasReplacedAsync(string id, ReserveCodeAttempt.Reserved attempt, string code, CancellationToken ct)
    {
        if (Hashes(attempt.ReplacedCodeHashes).Any(stored => OneTimeCode.Matches(tags, id, code, stored))) return true;
        // 時刻は EF の対応で読む（生の SQL の RETURNING は列の形のまま返る）
        var createdAt = await db.PendingLogins.AsNoTracking().Where(p => p.Id == id).Select(p => p.CreatedAt).SingleAsync(ct);
        var since = createdAt - Options.Lifetime;
        var earlier = await db.PendingLogins.AsNoTracking()
            .Where(p => p.SeekerId == attempt.SeekerId && p.Id != id && p.CreatedAt <= createdAt && p.CreatedAt > since && p.UsedAt == null)
            .Select(p => new { p.Id, p.CodeHash, p.ReplacedCodeHashes })
            .ToListAsync(ct);
        return earlier.Any(p => Hashes(p.ReplacedCodeHashes).Append(p.CodeHash).Any(stored => OneTimeCode.Matches(tags, p.Id, code, stored)));
    }

    private static string[] Hashes(string? joined) => string.IsNullOrEmpty(joined) ? [] : joined.Split(',');

    // 1時間の上限でメールを送らなかったとき、次に送れる時刻（分に切り上げ）: 送った順に、窓から抜けて上限を下回る時
    public async Task<DateTimeOffset> NextMailAtAsync(string seekerId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var sent = await MailedWithinTheHour(seekerId, now)
            .OrderBy(p => p.CodeSentAt).Select(p => new { p.CodeSentAt, Mails = 1 + p.Resends }).ToListAsync(ct);
        var inWindow = sent.Sum(s => s.Mails);
        var at = now;
        foreach (var mail in sent)
        {
            if (inWindow < Limits.OneTimePasswordMailsPerHour) break;
            inWindow -= mail.Mails;
            at = mail.CodeSentAt + RateLimitOptions.Hour;
        }
        return new DateTimeOffset((at.UtcTicks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    // まだ使える待つログイン: 終わっておらず、期限内（照合の予約の SQL と同じ条件）
    private IQueryable<PendingLogin> Usable(string id, DateTimeOffset now) => Unfinished(id).Where(p => p.ExpiresAt > now);

    // 使われず、無効にされず、誤りが上限に達していない（期限はまだ見ない: 期限切れを言い分けるため）
    private IQueryable<PendingLogin> Unfinished(string id)
        => db.PendingLogins.AsNoTracking().Where(p => p.Id == id && p.UsedAt == null && p.VoidedAt == null && p.FailedAttempts < Options.MaxWrongEntries);

    private static string? Id(HttpContext http)
        => http.Request.Cookies.TryGetValue(CookieName, out var reference) && reference.Length is > 0 and <= 100 ? Tokens.Sha256Hex(reference) : null;

    // 始めたときのパスワード（セキュリティスタンプ）のままか。スタンプのない古い行は、続けられないものとして扱う
    private static bool SameStamp(string? started, Seeker seeker)
        => started is not null && seeker.SecurityStamp is not null && Tokens.FixedTimeEquals(started, seeker.SecurityStamp);

}
