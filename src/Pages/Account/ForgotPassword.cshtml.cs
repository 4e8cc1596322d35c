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
public class ForgotPasswordModel(PasswordResets resets, IOptions<MailOptions> mail) : PageModel, IFormPage
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<FormError> Errors { get; } = [];
    public string? IdError { get; private set; }
    public string From => mail.Value.From;

    public class InputModel
    {
        public string? Id { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = Input.Id ?? "";
        var normalized = id.Length > LoginId.MaxLength * 4 ? null : LoginId.Normalize(id);
        if (string.IsNullOrWhiteSpace(id)) IdError = LoginTexts.IdRequired;
        else if (normalized is null || normalized.Length > LoginId.MaxLength) IdError = LoginTexts.IdTooLong;
        else if (!MailAddress.IsValid(normalized)) IdError = PasswordResetTexts.IdInvalid;
        if (IdError is not null)
        {
            Errors.Add(new("reset-id", IdError));
            return this.Redraw("_ForgotPasswordForm");
        }

        // 登録のないIDでも同じ画面へ進む（アカウント列挙の防止）
        var reference = await resets.RequestAsync(id, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        Response.Cookies.Append(PasswordResetTexts.ResetCookie, reference, new CookieOptions
        {
            // 閉じたら最初から（マニュアル）: 有効期限のないセッション Cookie
            HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true,
        });
        return this.RedirectAfterPost("/Account/ResetPassword");
    }
}
