using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Login;

namespace MyPage.Passkeys;

// ホームの「パスキーを登録する」のおすすめ: ID・パスワードとワンタイムパスワードでログインした直後、パスキーがまだない人に一度だけ。
// 出したら、このブラウザでは30日出さない（Cookie に出した時刻を入れ、サイトの時計で比べる）。WebAuthn のないブラウザでは、
// 画面に入れるスクリプト (forms.js) が出さない。ホームは毎回開くので、UserManager は作らない（表を一度読むだけ。IdentityMetricsTests）
internal sealed class PasskeyOffer(MyPageDb db, TimeProvider time)
{
    public const string CookieName = "__Host-mypage-passkey-offer";
    public static readonly TimeSpan Quiet = TimeSpan.FromDays(30);

    public async Task<bool> OfferAsync(HttpContext http, string seekerId, CancellationToken ct = default)
    {
        if (http.User.FindFirst(ClaimTypes.AuthenticationMethod)?.Value != LoginMethods.Row(LoginMethod.PasswordAndCode).Code) return false;
        var now = time.GetUtcNow();
        if (http.Request.Cookies.TryGetValue(CookieName, out var value)
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var shown)
            && now - DateTimeOffset.FromUnixTimeMilliseconds(shown) < Quiet)
            return false;
        if (await db.UserPasskeys.AnyAsync(p => p.UserId == seekerId, ct)) return false;
        http.Response.Cookies.Append(CookieName, now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), new CookieOptions
        {
            Secure = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = Quiet,
        });
        return true;
    }
}
