using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Abuse;
using MyPage.Account;
using MyPage.Mail;
using MyPage.Pages.Shared;
using MyPage.PasswordReset;
using MyPage.Security;
using MyPage.Sessions;

namespace MyPage.Pages.Account;

// S3「パスワード再登録」。このブラウザで S2 から申し込んだ人だけが使える（Cookie の参照）。
[AllowAnonymous]
[GuardedForm]
internal class ResetPasswordModel(PasswordResets resets, RequestOrigins origins, Browsers browsers, SiteUrls urls, IOptions<MailOptions> mail) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    // 申込みが見つからないか、認証キーが無効になった: はじめからやり直す
    public bool MustStartOver { get; private set; }
    public string From => mail.Value.From;

    public static readonly string[] Fields = ["new-password", "confirm-password", "reset-key"];

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

        var passwordProblem = PasswordRule.Check(Input.NewPassword);
        if (passwordProblem is not null) ModelState.AddModelError("new-password", passwordProblem);
        if (string.IsNullOrEmpty(Input.ConfirmPassword)) ModelState.AddModelError("confirm-password", PasswordResetTexts.ConfirmRequired);
        else if (passwordProblem is null && Input.ConfirmPassword != Input.NewPassword) ModelState.AddModelError("confirm-password", PasswordResetTexts.ConfirmMismatch);
        var key = ResetKey.Normalize(Input.Key);
        if (string.IsNullOrWhiteSpace(Input.Key)) ModelState.AddModelError("reset-key", PasswordResetTexts.KeyRequired);
        else if (key is null) ModelState.AddModelError("reset-key", PasswordResetTexts.KeyFormat);

        // 入力の誤りでは認証キーを使わない（照合もしない）
        if (ModelState.ErrorCount > 0) return Redraw();

        switch (await resets.CompleteAsync(reference, key!, Input.NewPassword!, origins.Of(HttpContext), browsers.ExistingTagOf(HttpContext),
            urls.Absolute(Request, Url.Page("/Settings/Security")!), ct))
        {
            case ResetOutcome.Completed:
                Response.Cookies.Delete(PasswordResetTexts.ResetCookie, new CookieOptions { Secure = true, Path = "/", SameSite = SameSiteMode.Strict });
                return this.RedirectToPageAfterPost("/Account/ResetPasswordDone");
            case ResetOutcome.WrongKey:
                ModelState.AddModelError("reset-key", PasswordResetTexts.KeyWrong);
                break;
            case ResetOutcome.ReplacedKey:
                ModelState.AddModelError("reset-key", PasswordResetTexts.KeyReplaced);
                break;
            default:
                StartOver(PasswordResetTexts.KeyVoid);
                break;
        }
        return Redraw();
    }

    private void StartOver(string message)
    {
        MustStartOver = true;
        ModelState.AddModelError(string.Empty, message);
    }

    // パスワードは書き戻さない（規則は欄の横に出ているので、もう一度入れてもらう）。認証キーは残す
    private IActionResult Redraw()
    {
        (Input.NewPassword, Input.ConfirmPassword) = (null, null);
        if (MustStartOver) Input.Key = null;
        return this.Redraw("_ResetPasswordForm");
    }
}
