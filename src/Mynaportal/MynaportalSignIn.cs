using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Sessions;

namespace MyPage.Mynaportal;

public enum CallbackOutcome { SignedIn, NotLinked, Linked, SubjectLinkedToAnother, SeekerAlreadyLinked, Failed }

// マイナポータルからのシングルサインオン (3.1 (2)) と、連携 (3.4) の戻り先の処理。
// OpenID Connect の検査（state, nonce, PKCE, 発行者, 対象者）はハンドラーが済ませ、結果は外部ログイン用 Cookie に入る。
public sealed class MynaportalSignIn(
    MynaportalLinks links,
    SessionStarter sessions,
    TimeProvider time,
    ILogger<MynaportalSignIn> log)
{
    public const string ModeKey = "mynaportal-mode";
    public const string SeekerKey = "mynaportal-seeker";
    public const string LoginMode = "login";
    public const string LinkMode = "link";

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
        var (issuer, subject, _) = external;
        var client = http.Connection.RemoteIpAddress?.ToString();

        var seeker = await links.FindSeekerAsync(issuer, subject, ct);
        if (seeker is null)
        {
            // 外部ログイン用 Cookie は残す: 「属性連携不整合確認」から ID・パスワードでログインすれば、そのまま連携できる
            log.MynaportalNotLinked(client);
            return CallbackOutcome.NotLinked;
        }

        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        var now = time.GetUtcNow();
        // パスワードの誤りによるロック中でも入れる: ロックはパスワードを守るもので、マイナポータルの認証はそれより強い
        await sessions.StartAsync(seeker, LoginMethods.Mynaportal, now, ct);
        log.MynaportalSignedIn(seeker.Id, client, now);
        return CallbackOutcome.SignedIn;
    }

    // 「求職者情報・設定」から始めた連携 (3.4) の戻り: 始めた本人がまだログインしていれば結びつける
    public async Task<CallbackOutcome> CompleteLinkAsync(HttpContext http, Seeker current, CancellationToken ct = default)
    {
        if (await ExternalAsync(http, LinkMode) is not { } external) return CallbackOutcome.Failed;
        var (issuer, subject, properties) = external;
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!properties.Items.TryGetValue(SeekerKey, out var started) || started != current.Id) return CallbackOutcome.Failed;
        return Map(await links.LinkAsync(current, issuer, subject, ct));
    }

    // 「属性連携不整合確認」のあと、ID・パスワードでログインした人に、待っている連携を結びつける
    public async Task<CallbackOutcome?> LinkPendingAsync(HttpContext http, Seeker seeker, CancellationToken ct = default)
    {
        if (await ExternalAsync(http, LoginMode) is not { } external) return null;
        var (issuer, subject, _) = external;
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        return Map(await links.LinkAsync(seeker, issuer, subject, ct));
    }

    public async Task<bool> HasPendingAsync(HttpContext http) => await ExternalAsync(http, LoginMode) is not null;

    // 外部ログイン用 Cookie の中身（OpenID Connect の検査済み）。始めたときの目的 (mode) が違えば使わない
    private static async Task<(string Issuer, string Subject, AuthenticationProperties Properties)?> ExternalAsync(HttpContext http, string mode)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        var sub = result.Principal?.FindFirst("sub");
        if (!result.Succeeded || sub is null || string.IsNullOrEmpty(sub.Value)) return null;
        if (!result.Properties!.Items.TryGetValue(ModeKey, out var started) || started != mode) return null;
        return (sub.Issuer, sub.Value, result.Properties);
    }

    private static CallbackOutcome Map(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.Linked => CallbackOutcome.Linked,
        LinkOutcome.SubjectLinkedToAnother => CallbackOutcome.SubjectLinkedToAnother,
        _ => CallbackOutcome.SeekerAlreadyLinked,
    };
}
