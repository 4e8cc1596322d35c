using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyPage.Abuse;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Mail;
using MyPage.Security;

namespace MyPage.Registration;

internal enum RegistrationOutcome { Created, LinkInvalid, EmailTaken, PasswordRejected }

// 「求職者マイページを開設する」: 仮登録（メールの URL）と本登録（オンライン登録者の作成）
internal sealed class Registrations(
    MyPageDb db,
    UserManager<Seeker> users,
    Outbox outbox,
    IdTags tags,
    RequestOrigins origins,
    IOptions<RateLimitOptions> limits,
    TimeProvider time,
    RegistrationMetrics metrics,
    AbuseMetrics abuseMetrics,
    ILogger<Registrations> log)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);
    public const int MaxEmailLength = 100;

    // 登録済みのアドレスでも同じ画面（アカウント列挙の防止）。その人には「登録済み」のメールを送る。
    // address は正規化済みのメールアドレス。completeUrl は URL の鍵から本登録の URL を作る。
    public async Task RequestAsync(string address, RequestOrigin origin, Func<string, string> completeUrl, string forgotPasswordUrl, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var since = now - RateLimitOptions.Hour;
        var token = Tokens.NewUrlSafe();
        var emailTag = tags.Of(address);
        // 接続元は数える単位で（IPv6 は /64: アドレスを替えても同じ接続元）
        var clientTag = origins.CountingTagOf(origin.Key);

        await using var tx = await outbox.BeginAsync(ct);
        var limited = await db.RegistrationRequests.CountAsync(r => r.EmailTag == emailTag && r.CreatedAt > since, ct) >= limits.Value.RegistrationMailsPerAddressPerHour
            || await db.RegistrationRequests.CountAsync(r => r.ClientTag == clientTag && r.CreatedAt > since, ct) >= limits.Value.RegistrationRequestsPerClientPerHour;
        var existing = await users.FindByNameAsync(address);

        db.RegistrationRequests.Add(new RegistrationRequest
        {
            Id = Hash(token),
            Email = address,
            EmailTag = emailTag,
            ClientTag = clientTag,
            CreatedAt = now,
            ExpiresAt = (now + LinkLifetime),
            // 登録済みのアドレスや上限を超えた申込みの行は、本登録には使えない
            UsedAt = existing is not null || limited ? now : null,
        });
        if (!limited)
        {
            if (existing is null) outbox.Add(address, RegistrationMails.ProvisionalSubject, RegistrationMails.ProvisionalBody(now + LinkLifetime), secret: completeUrl(token));
            else outbox.Add(address, RegistrationMails.AlreadyRegisteredSubject, RegistrationMails.AlreadyRegisteredBody(forgotPasswordUrl));
        }
        await tx.CommitAsync(ct);
        log.RegistrationRequested(emailTag[..16], existing is not null, limited, origin.LogTag, now);
        metrics.Record(RegistrationStage.Requested);
        if (limited) abuseMetrics.Refused(RateLimitPolicy.RegistrationMails);
    }

    // 使い終わった URL か（この URL で開設した口座がいまもある）。開き直した人には「開設済み」と伝え、ログインへ案内する
    // （「やり直してください」とは言わない）。URL を持つのはそのメールを受け取った人だけなので、ほかの人には何も伝わらない
    public async Task<bool> UsedForAnOpenAccountAsync(string? token, CancellationToken ct = default)
    {
        if (IdOf(token) is not { } id) return false;
        var email = await db.RegistrationRequests.AsNoTracking()
            .Where(r => r.Id == id && r.UsedAt != null).Select(r => r.Email).SingleOrDefaultAsync(ct);
        return email is not null && await db.Users.AnyAsync(u => u.Email == email, ct);
    }

    // 本登録の画面を出せる仮登録か（未使用で期限内）
    public async Task<string?> OpenEmailAsync(string? token, CancellationToken ct = default)
    {
        if (IdOf(token) is not { } id) return null;
        var now = time.GetUtcNow();
        return await db.RegistrationRequests.AsNoTracking()
            .Where(r => r.Id == id && r.UsedAt == null && r.ExpiresAt > now)
            .Select(r => r.Email).SingleOrDefaultAsync(ct);
    }

    public async Task<RegistrationOutcome> CompleteAsync(string token, SeekerDetails details, string password, RequestOrigin origin, CancellationToken ct = default)
    {
        var id = Hash(token);
        var now = time.GetUtcNow();

        await using var tx = await outbox.BeginAsync(ct);
        // 同じ URL で二度送っても、使えるのは一度だけ（二つ目は口座を作らない）
        var used = await db.RegistrationRequests
            .Where(r => r.Id == id && r.UsedAt == null && r.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.UsedAt, now), ct);
        if (used == 0) return RegistrationOutcome.LinkInvalid;
        var email = await db.RegistrationRequests.Where(r => r.Id == id).Select(r => r.Email).SingleAsync(ct);
        if (await users.FindByNameAsync(email) is not null) return RegistrationOutcome.EmailTaken;

        var seeker = new Seeker
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FamilyName = details.FamilyName,
            GivenName = details.GivenName,
            FamilyNameKana = details.FamilyNameKana,
            GivenNameKana = details.GivenNameKana,
            BirthDate = details.BirthDate,
            PostalCode = details.PostalCode,
            Prefecture = details.Prefecture,
            PhoneNumber = details.Phone,
            RegisteredOnlineAt = now,
        };
        var created = await users.CreateAsync(seeker, password);
        if (!created.Succeeded) return RegistrationOutcome.PasswordRejected;
        outbox.Add(email, RegistrationMails.CompletedSubject, RegistrationMails.CompletedBody(now));
        await tx.CommitAsync(ct);
        log.RegistrationCompleted(seeker.Id, origin.LogTag, now);
        metrics.Record(RegistrationStage.Completed);
        return RegistrationOutcome.Created;
    }

    private static string Hash(string token) => Tokens.Sha256Hex(token);

    // URL から来た鍵の行の ID（空や長すぎるものは、探すまでもなく無い）
    private static string? IdOf(string? token) => string.IsNullOrEmpty(token) || token.Length > 100 ? null : Hash(token);
}
