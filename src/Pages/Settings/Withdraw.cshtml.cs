using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Pages.Account;
using MyPage.Pages.Shared;
using MyPage.Registration;
using MyPage.Security;

namespace MyPage.Pages.Settings;

// 退会。パスワードをもう一度入力してもらう。
public class WithdrawModel(UserManager<Seeker> users, Withdrawals withdrawals, SignInManager<Seeker> signIn, RequestOrigins origins) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public static readonly string[] Fields = ["withdraw-password"];
    public Lockout? Lockout { get; private set; }

    public class InputModel
    {
        public string? Password { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } seeker) return Challenge();
        var password = Input.Password ?? "";
        Input.Password = null;
        if (TypedPassword.Problem(password) is { } problem) ModelState.AddModelError("withdraw-password", problem);
        if (ModelState.ErrorCount > 0) return Page();

        var (outcome, lockedUntil) = await withdrawals.WithdrawAsync(seeker, password, origins.Of(HttpContext), ct);
        switch (outcome)
        {
            case WithdrawOutcome.Withdrawn:
                await signIn.SignOutAsync();
                return RedirectToPage("/Account/Withdrawn");
            case WithdrawOutcome.AlreadyWithdrawn:
                await signIn.SignOutAsync();
                return RedirectToPage("/Account/Withdrawn", PageStatus.Route(WithdrawnStatus.Already));
            case WithdrawOutcome.Locked:
                Lockout = new(lockedUntil);
                break;
            default:
                ModelState.AddModelError("withdraw-password", SettingsTexts.WrongPassword);
                break;
        }
        return Page();
    }
}
