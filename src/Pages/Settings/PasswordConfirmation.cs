using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Account;
using MyPage.Data;
using MyPage.Pages.Account;
using MyPage.Security;

namespace MyPage.Pages.Settings;

// ログインしたままの画面で、大事な操作の前にいまのパスワードをもう一度（退会、マイナポータルの連携と解除、
// 他の端末からのログアウト）。ログインと同じロックの回数に数える（放置された画面から他人が試し続けられないように）。
// 入力の誤りとパスワードの誤りは、その欄 (fieldId) のエラーに。ロック中なら Lockout を返す。
internal sealed class PasswordConfirmation(PasswordCheck check, RequestOrigins origins)
{
    public sealed record Result(bool Confirmed, Lockout? Lockout = null);

    public async Task<Result> ConfirmAsync(PageModel page, string fieldId, string? typed, Seeker seeker, PasswordPurpose purpose, CancellationToken ct)
    {
        if (!TypedPassword.Accept(page.ModelState, fieldId, typed, out var password)) return new(false);
        var result = await check.CheckAsync(seeker.NormalizedUserName!, password, purpose, origins.Of(page.HttpContext), ct: ct);
        return Answer(page, fieldId, result.Outcome, result.LockedUntil);
    }

    // 照合の結果を画面に。照合をそれに続く手順と一緒にほかが行うとき（退会: Withdrawals）も、ここを通す
    public static Result Answer(PageModel page, string fieldId, PasswordCheckOutcome outcome, DateTimeOffset? lockedUntil)
    {
        switch (outcome)
        {
            case PasswordCheckOutcome.Verified:
                return new(true);
            case PasswordCheckOutcome.Locked:
                return new(false, new Lockout(lockedUntil));
            default:
                page.ModelState.AddModelError(fieldId, SettingsTexts.WrongPassword);
                return new(false);
        }
    }
}
