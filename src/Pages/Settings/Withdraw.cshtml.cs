using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Account;
using MyPage.Data;
using MyPage.Pages.Account;
using MyPage.Pages.Shared;
using MyPage.Registration;
using MyPage.Security;

namespace MyPage.Pages.Settings;

// 退会。パスワードをもう一度入力してもらう。
internal class WithdrawModel(CurrentSeeker current, Withdrawals withdrawals, SignInManager<Seeker> signIn, RequestOrigins origins) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    private const string Field = "withdraw-password";
    public static readonly string[] Fields = [Field];
    public Lockout? Lockout { get; private set; }

    public class InputModel
    {
        public string? Password { get; set; }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return Challenge();
        var typed = TypedPassword.Accept(ModelState, Field, Input.Password, out var password);
        Input.Password = null;
        if (!typed) return this.Redraw("_WithdrawForm");

        // 照合と削除は一つの手順 (Withdrawals)。照合の結果の見せ方は、ほかの確認と同じ (PasswordConfirmation.Answer)
        var (outcome, lockedUntil) = await withdrawals.WithdrawAsync(seeker, password, origins.Of(HttpContext), ct);
        switch (outcome)
        {
            case WithdrawOutcome.Withdrawn:
                await signIn.SignOutAsync();
                return this.RedirectToPageAfterPost("/Account/Withdrawn");
            case WithdrawOutcome.AlreadyWithdrawn:
                await signIn.SignOutAsync();
                return this.RedirectToPageAfterPost("/Account/Withdrawn", PageStatus.Route(WithdrawnStatus.Already));
            default:
                var checkedPassword = outcome == WithdrawOutcome.Locked ? PasswordCheckOutcome.Locked : PasswordCheckOutcome.Wrong;
                Lockout = PasswordConfirmation.Answer(this, Field, checkedPassword, lockedUntil).Lockout;
                return this.Redraw("_WithdrawForm");
        }
    }
}
