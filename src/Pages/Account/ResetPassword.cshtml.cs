using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Account;
using MyPage.Mail;
using MyPage.Pages.Shared;
using MyPage.PasswordReset;

namespace MyPage.Pages.Account;

// S3「パスワード再登録」。このブラウザで S2 から申し込んだ人だけが使える（Cookie の参照）。
[AllowAnonymous]
public class ResetPasswordModel(PasswordResets resets, IOptions<MailOptions> mail) : PageModel, IFormPage
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<FormError> Errors { get; } = [];
    public string? PasswordError { get; private set; }
    public string? ConfirmError { get; private set; }
    public string? KeyError { get; private set; }

    // 申込みが見つからないか、認証キーが無効になった: はじめからやり直す
    public bool MustStartOver { get; private set; }
    public string From => mail.Value.From;

    public class InputModel
    {
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
        public string? Key { get; set; }
    }

    private string? Reference => Request.Cookies[PasswordResetTexts.ResetCookie];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!await resets.ExistsAsync(Reference, ct)) StartOver(PasswordResetTexts.StartOver);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Reference is not { } reference || !await resets.ExistsAsync(reference, ct))
        {
            StartOver(PasswordResetTexts.StartOver);
            return Redraw();
        }

        PasswordError = PasswordRule.Check(Input.NewPassword);
        if (string.IsNullOrEmpty(Input.ConfirmPassword)) ConfirmError = PasswordResetTexts.ConfirmRequired;
        else if (PasswordError is null && Input.ConfirmPassword != Input.NewPassword) ConfirmError = PasswordResetTexts.ConfirmMismatch;
        var key = ResetKey.Normalize(Input.Key);
        if (string.IsNullOrWhiteSpace(Input.Key)) KeyError = PasswordResetTexts.KeyRequired;
        else if (key is null) KeyError = PasswordResetTexts.KeyFormat;

        // 入力の誤りでは認証キーを使わない（照合もしない）
        if (PasswordError is null && ConfirmError is null && KeyError is null)
        {
            var outcome = await resets.CompleteAsync(reference, key!, Input.NewPassword!, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
            switch (outcome)
            {
                case ResetOutcome.Completed:
                    Response.Cookies.Delete(PasswordResetTexts.ResetCookie, new CookieOptions { Secure = true, Path = "/", SameSite = SameSiteMode.Strict });
                    return this.RedirectAfterPost("/Account/ResetPasswordDone");
                case ResetOutcome.WrongKey:
                    KeyError = PasswordResetTexts.KeyWrong;
                    break;
                default:
                    StartOver(PasswordResetTexts.KeyVoid);
                    break;
            }
        }

        if (PasswordError is not null) Errors.Add(new("new-password", PasswordError));
        if (ConfirmError is not null) Errors.Add(new("confirm-password", ConfirmError));
        if (KeyError is not null) Errors.Add(new("reset-key", KeyError));
        return Redraw();
    }

    private void StartOver(string message)
    {
        MustStartOver = true;
        Errors.Add(new(null, message));
    }

    // 誤りのあった欄だけ空にし、ほかの入力は残す
    private IActionResult Redraw()
    {
        if (PasswordError is not null || MustStartOver) Input.NewPassword = null;
        if (ConfirmError is not null || PasswordError is not null || MustStartOver) Input.ConfirmPassword = null;
        if (MustStartOver) Input.Key = null;
        return this.Redraw("_ResetPasswordForm");
    }
}
