using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Account;
using MyPage.Mail;
using MyPage.Pages.Shared;
using MyPage.Registration;

namespace MyPage.Pages.Register;

// 仮登録: メールアドレスと、利用規約・個人情報の取扱いへの同意
[AllowAnonymous]
public class IndexModel(Registrations registrations, SiteUrls urls, IOptions<MailOptions> mail) : PageModel, IFormPage
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<FormError> Errors { get; } = [];
    public Dictionary<string, string> FieldErrors { get; } = [];
    public string From => mail.Value.From;

    public class InputModel
    {
        public string? Email { get; set; }
        public bool AgreeTerms { get; set; }
        public bool AgreePrivacy { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var raw = Input.Email ?? "";
        var email = raw.Length > 400 ? null : LoginId.Normalize(raw);
        if (string.IsNullOrWhiteSpace(raw)) FieldErrors["register-email"] = RegisterTexts.EmailRequired;
        else if (email is null || email.Length > Registrations.MaxEmailLength) FieldErrors["register-email"] = RegisterTexts.EmailTooLong;
        else if (!MailAddress.IsValid(email)) FieldErrors["register-email"] = RegisterTexts.EmailInvalid;
        if (!Input.AgreeTerms) FieldErrors["agree-terms"] = RegisterTexts.TermsRequired;
        if (!Input.AgreePrivacy) FieldErrors["agree-privacy"] = RegisterTexts.PrivacyRequired;
        if (FieldErrors.Count > 0)
        {
            Errors.AddRange(FieldErrors.Select(e => new FormError(e.Key, e.Value)));
            return this.Redraw("_RegisterForm");
        }

        await registrations.RequestAsync(email!, HttpContext.Connection.RemoteIpAddress?.ToString(),
            token => urls.Absolute(Request, "/Register/Complete?token=" + Uri.EscapeDataString(token)),
            urls.Absolute(Request, "/Account/ForgotPassword"), ct);
        return this.RedirectAfterPost("/Register/Sent");
    }
}
