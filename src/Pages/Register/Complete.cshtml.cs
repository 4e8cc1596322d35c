using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Account;
using MyPage.Pages.Shared;
using MyPage.Registration;
using MyPage.Time;

namespace MyPage.Pages.Register;

// 本登録: パスワードと基本情報。メールの URL の鍵 (token) で開く。
[AllowAnonymous]
public class CompleteModel(Registrations registrations, TimeProvider time) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public SeekerDetails Details { get; set; } = new();

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string? Email { get; private set; }
    public bool LinkInvalid { get; private set; }
    public List<FormError> Errors { get; } = [];
    public Dictionary<string, string> FieldErrors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Email = await registrations.OpenEmailAsync(Token, ct);
        if (Email is null) Invalid(RegisterTexts.LinkInvalid);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Email = await registrations.OpenEmailAsync(Token, ct);
        if (Email is null)
        {
            Invalid(RegisterTexts.LinkInvalid);
            return Redraw();
        }

        FieldErrors = Details.Validate(DateOnly.FromDateTime(JapanTime.From(time.GetUtcNow()).DateTime));
        if (PasswordRule.Check(Password) is { } passwordProblem) FieldErrors["password"] = passwordProblem;
        if (string.IsNullOrEmpty(ConfirmPassword)) FieldErrors["confirm-password"] = RegisterTexts.ConfirmRequired;
        else if (!FieldErrors.ContainsKey("password") && ConfirmPassword != Password) FieldErrors["confirm-password"] = RegisterTexts.ConfirmMismatch;
        if (FieldErrors.Count > 0) return Redraw();

        switch (await registrations.CompleteAsync(Token!, Details, Password!, HttpContext.Connection.RemoteIpAddress?.ToString(), ct))
        {
            case RegistrationOutcome.Created:
                return this.RedirectAfterPost("/Register/Done");
            case RegistrationOutcome.EmailTaken:
                Invalid(RegisterTexts.EmailTaken);
                break;
            default:
                Invalid(RegisterTexts.LinkInvalid);
                break;
        }
        return Redraw();
    }

    private void Invalid(string message)
    {
        LinkInvalid = true;
        Errors.Add(new(null, message));
    }

    private IActionResult Redraw()
    {
        // 画面の並び順どおりにまとめる
        foreach (var id in Order.Where(FieldErrors.ContainsKey)) Errors.Add(new(id, FieldErrors[id]));
        if (FieldErrors.ContainsKey("password")) (Password, ConfirmPassword) = (null, null);
        else if (FieldErrors.ContainsKey("confirm-password")) ConfirmPassword = null;
        return this.Redraw("_CompleteForm");
    }

    private static readonly string[] Order =
        ["password", "confirm-password", "family-name", "given-name", "family-name-kana", "given-name-kana",
         "birth-year", "birth-month", "birth-day", "postal-code", "prefecture", "phone"];

    public string? Error(string id) => FieldErrors.GetValueOrDefault(id);
}
