using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Abuse;
using MyPage.Account;
using MyPage.Mail;
using MyPage.Pages.Shared;
using MyPage.Registration;
using MyPage.Security;

namespace MyPage.Pages.Register;

// 仮登録: メールアドレスと、利用規約・個人情報の取扱いへの同意
[AllowAnonymous]
[GuardedForm]
internal class IndexModel(Registrations registrations, SiteUrls urls, RequestOrigins origins, IOptions<MailOptions> mail) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string From => mail.Value.From;

    public static readonly string[] Fields = ["register-email", "agree-terms", "agree-privacy"];

    public class InputModel
    {
        public string? Email { get; set; }
        public bool AgreeTerms { get; set; }
        public bool AgreePrivacy { get; set; }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (LoginId.Check(Input.Email, Registrations.MaxEmailLength, RegisterTexts.EmailMessages, out var email) is { } problem)
            ModelState.AddModelError("register-email", problem);
        if (!Input.AgreeTerms) ModelState.AddModelError("agree-terms", RegisterTexts.TermsRequired);
        if (!Input.AgreePrivacy) ModelState.AddModelError("agree-privacy", RegisterTexts.PrivacyRequired);
        if (ModelState.ErrorCount > 0) return this.Redraw("_RegisterForm");

        await registrations.RequestAsync(email, origins.Of(HttpContext),
            token => urls.Absolute(Request, Url.Page("/Register/Complete", new { token })!),
            urls.Absolute(Request, Url.Page("/Account/ForgotPassword")!), ct);
        return this.RedirectToPageAfterPost("/Register/Sent");
    }
}
