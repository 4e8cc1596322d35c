using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Pages.Account;
using MyPage.Pages.Shared;
using MyPage.Registration;
using MyPage.Time;

namespace MyPage.Pages.Settings;

// 退会。パスワードをもう一度入力してもらう。
public class WithdrawModel(UserManager<Seeker> users, Withdrawals withdrawals, SignInManager<Seeker> signIn) : PageModel, IFormPage
{
    [BindProperty]
    public string? Password { get; set; }

    public List<FormError> Errors { get; } = [];
    public string? PasswordError { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } seeker) return Challenge();
        if (string.IsNullOrEmpty(Password)) PasswordError = LoginTexts.PasswordRequired;
        else if (Password.Length > LoginTexts.PasswordMaxLength) PasswordError = LoginTexts.PasswordTooLong;
        else
        {
            var (outcome, lockedUntil) = await withdrawals.WithdrawAsync(seeker, Password, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
            if (outcome == WithdrawOutcome.Withdrawn)
            {
                await signIn.SignOutAsync();
                return LocalRedirect("/Account/Withdrawn");
            }
            if (outcome == WithdrawOutcome.Locked)
            {
                Errors.Add(new(null, LoginTexts.Lockout));
                if (lockedUntil is { } until) Errors.Add(new(null, LoginTexts.RetryFrom(JapanTime.Format(until))));
            }
            else PasswordError = "パスワードが正しくありません。";
        }
        if (PasswordError is not null) Errors.Add(new("withdraw-password", PasswordError));
        Password = null;
        return Page();
    }
}
