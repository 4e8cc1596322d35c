using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Account;
using MyPage.Data;
using MyPage.Pages.Account;
using MyPage.Security;

namespace MyPage.Pages.Settings;

// ログインしたままの画面で、大事な操作の前にいまのパスワードをもう一度（退会、マイナポータルの連携と解除、
// 他の端末からのログアウト）。ログインと同じロックの回数に数える（放置された画面から他人が試し続けられないように）。
// 入力の誤りとパスワードの誤りは、その欄 (fieldId) のエラーに。ロック中なら Lockout を返す。
public sealed class PasswordConfirmation(PasswordCheck check, RequestOrigins origins)
{
    public sealed record Result(bool Confirmed, Lockout? Lockout = null);

    public async Task<Result> ConfirmAsync(PageModel page, string fieldId, string? typed, Seeker seeker, PasswordPurpose purpose, CancellationToken ct)
    {
        var password = typed ?? "";
        if (TypedPassword.Problem(password) is { } problem)
        {
            page.ModelState.AddModelError(fieldId, problem);
            return new(false);
        }
        var result = await check.CheckAsync(seeker.NormalizedUserName!, password, purpose, origins.Of(page.HttpContext), ct: ct);
        switch (result.Outcome)
        {
            case PasswordCheckOutcome.Verified:
                return new(true);
            case PasswordCheckOutcome.Locked:
                return new(false, new Lockout(result.LockedUntil));
            default:
                page.ModelState.AddModelError(fieldId, SettingsTexts.WrongPassword);
                return new(false);
        }
    }
}
