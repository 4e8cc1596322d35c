using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Login;
using MyPage.Revocation;
using MyPage.Security;

namespace MyPage.Mynaportal;

internal enum CallbackOutcome { SignedIn, NotLinked, Linked, SubjectLinkedToAnother, SeekerAlreadyLinked, Failed }

// 連携を待っているマイナポータルのサインイン（ログインのあと、本人に確かめる画面に出すもの）
internal sealed record PendingLink(string? Name, DateTimeOffset ExpiresAt);

// マイナポータルからのシングルサインオン (3.1 (2)) と、連携 (3.4) の戻り先の処理。
// OpenID Connect の検査（state, nonce, PKCE, 発行者, 対象者）はハンドラーが済ませ、結果は外部ログイン用 Cookie に入る。
// 連携が見つからないサインインは、このブラウザの参照 (Cookie) と結んでデータベースに5分だけ置く。
// その間にこのブラウザでログインした求職者に、マイナポータルの利用者の名前を見せて「連携する」「連携しない」を選んでもらう
// （共用のパソコンに残ったサインインが、次にログインした人に黙って結びつかないように）。
internal sealed class MynaportalSignIn(
    MyPageDb db,
    MynaportalLinks links,
    LoginPipeline pipeline,
    RequestOrigins origins,
    TimeProvider time,
    ILogger<MynaportalSignIn> log)
{
    public const string ModeKey = "mynaportal-mode";
    public const string SeekerKey = "mynaportal-seeker";
    public const string LoginMode = "login";
    public const string LinkMode = "link";
    public const string PendingCookie = "__Host-mypage-mynaportal";
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(5);

    // callbackUrl: OpenID Connect の検査が済んだあとに戻る画面 (/Mynaportal/Callback)
    public static AuthenticationProperties Challenge(string callbackUrl, string mode, string? seekerId = null)
    {
        var properties = new AuthenticationProperties { RedirectUri = callbackUrl };
        properties.Items[ModeKey] = mode;
        if (seekerId is not null) properties.Items[SeekerKey] = seekerId;
        return properties;
    }

    // 「もっとつながる」からのシングルサインオン (3.1 (2)) の戻り: 連携があればログイン、なければ「属性連携不整合確認」へ
    public async Task<CallbackOutcome> SignInAsync(HttpContext http, CancellationToken ct = default)
    {
        if (await ExternalAsync(http, LoginMode) is not { } external) return CallbackOutcome.Failed;
        await http.SignOutAsync(IdentityConstants.ExternalScheme);

        var seeker = await links.FindSeekerAsync(external.Issuer, external.Subject, ct);
        if (seeker is null)
        {
            await KeepPendingAsync(http, external, ct);
            log.MynaportalNotLinked(origins.Of(http).LogTag);
            return CallbackOutcome.NotLinked;
        }

        // パスワードの誤りによるロック中でも入れる: ロックはパスワードを守るもので、マイナポータルの認証はそれより強い
        await pipeline.FinishAsync(http, seeker, LoginMethod.Mynaportal, ct);
        return CallbackOutcome.SignedIn;
    }

    // 「求職者情報・設定」から始めた連携 (3.4) の戻り: 始めた本人がまだログインしていれば結びつける
    public async Task<CallbackOutcome> CompleteLinkAsync(HttpContext http, Seeker current, CancellationToken ct = default)
    {
        if (await ExternalAsync(http, LinkMode) is not { } external) return CallbackOutcome.Failed;
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Properties.Items.TryGetValue(SeekerKey, out var started) || started != current.Id) return CallbackOutcome.Failed;
        return Map(await links.LinkAsync(current, external.Issuer, external.Subject, ct));
    }

    // このブラウザに、連携を待つマイナポータルのサインインがあるか（S1 の案内）
    public async Task<bool> HasPendingAsync(HttpContext http, CancellationToken ct = default)
        => Reference(http) is { } id && await Usable(id).AnyAsync(p => p.SeekerId == null, ct);

    // ログインが済んだ: このブラウザに待っているサインインがあれば、この求職者に結ぶ（本人が確かめるまで連携はしない）。結んだら true
    public async Task<bool> OfferAsync(HttpContext http, Seeker seeker, CancellationToken ct = default)
    {
        if (Reference(http) is not { } id) return false;
        return await Usable(id).Where(p => p.SeekerId == null).ExecuteUpdateAsync(u => u.SetProperty(p => p.SeekerId, seeker.Id), ct) == 1;
    }

    // 本人に確かめる画面に出すもの（この求職者に結ばれ、期限内のものだけ）
    public async Task<PendingLink?> OfferedAsync(HttpContext http, Seeker seeker, CancellationToken ct = default)
    {
        if (Reference(http) is not { } id) return null;
        var row = await Usable(id).Where(p => p.SeekerId == seeker.Id).SingleOrDefaultAsync(ct);
        return row is null ? null : new(row.Name, row.ExpiresAt);
    }

    // 「連携する」(link: true) か「連携しない」。待っていたサインインは、どちらでも消す。期限切れや、ないときは Failed
    public async Task<CallbackOutcome?> AnswerAsync(HttpContext http, Seeker seeker, bool link, CancellationToken ct = default)
    {
        if (Reference(http) is not { } id) return CallbackOutcome.Failed;
        ForgetCookie(http);
        var row = await Usable(id).Where(p => p.SeekerId == seeker.Id).SingleOrDefaultAsync(ct);
        // 二度押しや同時の答えでも、使うのは一度だけ
        if (row is null || await db.PendingMynaportalSignIns.Where(p => p.Id == id).ExecuteDeleteAsync(ct) == 0) return CallbackOutcome.Failed;
        if (link) return Map(await links.LinkAsync(seeker, row.Issuer, row.Subject, ct));
        var client = origins.Of(http).LogTag;
        log.MynaportalLinkDeclined(seeker.Id, client);
        return null;
    }

    private async Task KeepPendingAsync(HttpContext http, External external, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // このブラウザの前の待ちは消して、新しい参照にする
        if (Reference(http) is { } previous) await db.PendingMynaportalSignIns.Where(p => p.Id == previous).ExecuteDeleteAsync(ct);
        var reference = Tokens.NewUrlSafe();
        db.PendingMynaportalSignIns.Add(new PendingMynaportalSignIn
        {
            Id = Tokens.Sha256Hex(reference),
            Issuer = MynaportalLinks.IssuerKey(external.Issuer),
            Subject = external.Subject,
            Name = external.Name is { Length: > 0 } name ? name[..Math.Min(name.Length, 100)] : null,
            CreatedAt = now,
            ExpiresAt = (now + PendingLifetime),
        });
        await db.SaveChangesAsync(ct);
        http.Response.Cookies.Append(PendingCookie, reference, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            MaxAge = PendingLifetime,
        });
    }

    private IQueryable<PendingMynaportalSignIn> Usable(string id)
    {
        var now = time.GetUtcNow();
        return db.PendingMynaportalSignIns.Where(p => p.Id == id && p.ExpiresAt > now);
    }

    private static string? Reference(HttpContext http)
        => http.Request.Cookies.TryGetValue(PendingCookie, out var value) && value.Length is > 0 and <= 100 ? Tokens.Sha256Hex(value) : null;

    private static void ForgetCookie(HttpContext http)
        => http.Response.Cookies.Delete(PendingCookie, new CookieOptions { Secure = true, Path = "/", SameSite = SameSiteMode.Lax });

    private sealed record External(string Issuer, string Subject, string? Name, AuthenticationProperties Properties);

    // 外部ログイン用 Cookie の中身（OpenID Connect の検査済み）。始めたときの目的 (mode) が違えば使わない
    private static async Task<External?> ExternalAsync(HttpContext http, string mode)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        var sub = result.Principal?.FindFirst("sub");
        if (!result.Succeeded || sub is null || string.IsNullOrEmpty(sub.Value)) return null;
        if (!result.Properties!.Items.TryGetValue(ModeKey, out var started) || started != mode) return null;
        return new(sub.Issuer, sub.Value, result.Principal!.FindFirst("name")?.Value, result.Properties);
    }

    private static CallbackOutcome Map(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.Linked => CallbackOutcome.Linked,
        LinkOutcome.SubjectLinkedToAnother => CallbackOutcome.SubjectLinkedToAnother,
        _ => CallbackOutcome.SeekerAlreadyLinked,
    };
}

// ログインのあと本人の答えを待っているサインインは、資格情報とともに終わる
internal sealed class PendingMynaportalSignInsRevoker(MyPageDb db) : IGrantRevoker
{
    public Grant Grant => Grant.MynaportalSignInsAwaitingLink;

    public Task<int> RevokeAsync(RevocationScope scope, CancellationToken ct)
        => db.PendingMynaportalSignIns.Where(p => p.SeekerId == scope.SeekerId).ExecuteDeleteAsync(ct);
}
