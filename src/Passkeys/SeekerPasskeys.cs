using System.Buffers.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyPage.Abuse;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Mail;
using MyPage.Security;
using MyPage.Sessions;

namespace MyPage.Passkeys;

// 「ログインの安全」の一覧に出す一つのパスキー。Id は送り返す「削除」の値（credential ID の base64url）
internal sealed record PasskeyEntry(string Id, string Name, DateTimeOffset RegisteredAt, DateTimeOffset? LastUsedAt);

internal enum PasskeyChange { Done, TooMany, Failed }

// 求職者のパスキー: 登録（パスワードを確かめたあと）、一覧、削除。変更とお知らせのメールは一つのトランザクションで。
// 保存は Identity の UserManager と、このサイトの EF の表の上の IUserPasskeyStore（Identity の UserStore）
internal sealed class SeekerPasskeys(
    SignInManager<Seeker> signIn,
    MyPageDb db,
    Outbox outbox,
    RequestOrigins origins,
    TimeProvider time,
    IOptions<RateLimitOptions> limits,
    ILogger<SeekerPasskeys> log)
{
    public int Limit => limits.Value.PasskeysPerSeeker;

    public async Task<IReadOnlyList<PasskeyEntry>> ListAsync(string seekerId, CancellationToken ct = default)
    {
        var rows = await db.UserPasskeys.AsNoTracking().Where(p => p.UserId == seekerId)
            .Select(p => new { p.CredentialId, p.Data.Name, p.Data.CreatedAt, p.LastUsedAt }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.CreatedAt).Select(r => new PasskeyEntry(Base64Url.EncodeToString(r.CredentialId), r.Name ?? "", r.CreatedAt, r.LastUsedAt))];
    }

    // 登録の一歩め（パスワードは画面が先に確かめる）: ブラウザに渡す作成の選択肢（JSON）。上限に達していれば null
    public async Task<string?> CreationOptionsAsync(Seeker seeker, CancellationToken ct = default)
    {
        if (await db.UserPasskeys.CountAsync(p => p.UserId == seeker.Id, ct) >= Limit)
        {
            log.PasskeyRegistrationRefused("too-many", seeker.Id, origins.Of(signIn.Context).LogTag);
            return null;
        }
        // 端末に残る名前は ID(メールアドレス)（どのアカウントのパスキーかが本人にわかるように）
        return await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = seeker.Id, Name = seeker.UserName!, DisplayName = seeker.UserName! });
    }

    // 登録の二歩め: ブラウザが作ったパスキーを確かめて保存し、お知らせのメールを積む
    public async Task<PasskeyChange> AddAsync(HttpContext http, Seeker seeker, string? credentialJson, CancellationToken ct = default)
    {
        var client = origins.Of(http);
        if (string.IsNullOrEmpty(credentialJson) || credentialJson.Length > PasskeyChallenges.MaxCredentialJson
            || !await PasskeyChallenges.IsOutstandingAsync(http, PasskeyStep.Attestation))
            return Refuse(seeker, "no-challenge", client);
        var result = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        // 問題は、このセッションの求職者のために出したものだけ（同じブラウザで別の人がログインし直していれば断る）
        if (!result.Succeeded) return Refuse(seeker, result.Failure.Message, client);
        if (result.UserEntity.Id != seeker.Id) return Refuse(seeker, "other-seeker", client);

        var now = time.GetUtcNow();
        var browser = UserAgents.Describe(http.Request.Headers.UserAgent.ToString());
        var made = result.Passkey;
        // 登録日時はサイトの時計で（Identity は DateTime.UtcNow を入れる）。名前は登録したブラウザと OS
        var passkey = new UserPasskeyInfo(made.CredentialId, made.PublicKey, now, made.SignCount, made.Transports, made.IsUserVerified,
            made.IsBackupEligible, made.IsBackedUp, made.AttestationObject, made.ClientDataJson)
        { Name = browser };

        await using var tx = await outbox.BeginAsync(ct);
        // 求職者の行を先に押さえる（同時の二つの登録が、どちらも10個めとして数えて11個にならないように）
        await db.Users.Where(u => u.Id == seeker.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ConcurrencyStamp, s => s.ConcurrencyStamp), ct);
        var count = await db.UserPasskeys.CountAsync(p => p.UserId == seeker.Id, ct);
        if (count >= Limit) return Refuse(seeker, "too-many", client, PasskeyChange.TooMany);
        var saved = await signIn.UserManager.AddOrUpdatePasskeyAsync(seeker, passkey);
        if (!saved.Succeeded) return Refuse(seeker, "not-saved", client);
        outbox.Add(seeker.Email!, PasskeyMails.RegisteredSubject, PasskeyMails.RegisteredBody(now, browser, client.Masked));
        await tx.CommitAsync(ct);
        log.PasskeyRegistered(seeker.Id, count + 1, client.LogTag, now);
        return PasskeyChange.Done;
    }

    // 「削除」: 本人のパスキーだけ。消したパスキーでは、すぐにログインできなくなる。消したものの名前（なければ null）
    public async Task<string?> DeleteAsync(HttpContext http, Seeker seeker, string? id, CancellationToken ct = default)
    {
        if (id is null || id.Length > 2048 || !Base64Url.IsValid(id)) return null;
        var credentialId = Base64Url.DecodeFromChars(id);
        var client = origins.Of(http);
        await using var tx = await outbox.BeginAsync(ct);
        var name = await db.UserPasskeys.Where(p => p.UserId == seeker.Id && p.CredentialId == credentialId).Select(p => p.Data.Name).SingleOrDefaultAsync(ct);
        if (name is null) return null;
        var removed = await signIn.UserManager.RemovePasskeyAsync(seeker, credentialId);
        if (!removed.Succeeded) return null;
        var now = time.GetUtcNow();
        var browser = UserAgents.Describe(http.Request.Headers.UserAgent.ToString());
        outbox.Add(seeker.Email!, PasskeyMails.DeletedSubject, PasskeyMails.DeletedBody(now, name, browser, client.Masked));
        await tx.CommitAsync(ct);
        log.PasskeyDeleted(seeker.Id, client.LogTag, now);
        return name;
    }

    private PasskeyChange Refuse(Seeker seeker, string reason, RequestOrigin client, PasskeyChange outcome = PasskeyChange.Failed)
    {
        log.PasskeyRegistrationRefused(reason, seeker.Id, client.LogTag);
        return outcome;
    }
}
