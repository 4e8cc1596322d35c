using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Account;
using MyPage.Mail;
using MyPage.Pages.Shared;
using MyPage.PasswordReset;

namespace MyPage.Pages.Account;

// S2「求職者マイページパスワード再登録」
[AllowAnonymous]
public class ForgotPasswordModel(PasswordResets resets, IOptions<MailOptions> mail) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string From => mail.Value.From;

    public static readonly string[] Fields = ["reset-id"];

    public class InputModel
    {
        public string? Id { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (LoginId.Check(Input.Id, LoginId.MaxLength, PasswordResetTexts.IdMessages, out var loginId) is { } problem)
        {
            ModelState.AddModelError("reset-id", problem);
            return this.Redraw("_ForgotPasswordForm");
        }

        // 登録のないIDでも同じ画面へ進む（アカウント列挙の防止）
        var reference = await resets.RequestAsync(loginId, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        Response.Cookies.Append(PasswordResetTexts.ResetCookie, reference, new CookieOptions
        {
            // 閉じたら最初から（マニュアル）: 有効期限のないセッション Cookie
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
        return this.RedirectToPageAfterPost("/Account/ResetPassword");
    }
}
