using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Abuse;
using MyPage.Account;
using MyPage.Pages.Shared;
using MyPage.Registration;
using MyPage.Security;
using MyPage.Time;

namespace MyPage.Pages.Register;

// 本登録: パスワードと基本情報。メールの URL の鍵 (token) で開く。
[AllowAnonymous]
[GuardedForm]
internal class CompleteModel(Registrations registrations, RequestOrigins origins, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? Email { get; private set; }
    public bool LinkInvalid { get; private set; }

    // この URL で開設した口座がもうある（本登録の済んだメールの URL を開き直した）
    public bool AlreadyOpen { get; private set; }

    public static readonly string[] Fields =
        ["password", "confirm-password", "family-name", "given-name", "family-name-kana", "given-name-kana",
         "birth-year", "birth-month", "birth-day", "postal-code", "prefecture", "phone"];

    public class InputModel
    {
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
        public SeekerDetails Details { get; set; } = new();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Email = await registrations.OpenEmailAsync(Token, ct);
        if (Email is null) await InvalidAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Email = await registrations.OpenEmailAsync(Token, ct);
        if (Email is null)
        {
            await InvalidAsync(ct);
            return Redraw();
        }

        var passwordProblem = PasswordRule.Check(Input.Password);
        if (passwordProblem is not null) ModelState.AddModelError("password", passwordProblem);
        if (string.IsNullOrEmpty(Input.ConfirmPassword)) ModelState.AddModelError("confirm-password", RegisterTexts.ConfirmRequired);
        else if (passwordProblem is null && Input.ConfirmPassword != Input.Password) ModelState.AddModelError("confirm-password", RegisterTexts.ConfirmMismatch);
        foreach (var (id, message) in Input.Details.Validate(JapanTime.Today(time))) ModelState.AddModelError(id, message);
        if (ModelState.ErrorCount > 0) return Redraw();

        switch (await registrations.CompleteAsync(Token!, Input.Details, Input.Password!, origins.Of(HttpContext), ct))
        {
            case RegistrationOutcome.Created:
                return this.RedirectToPageAfterPost("/Register/Done");
            case RegistrationOutcome.EmailTaken:
                Invalid(RegisterTexts.EmailTaken);
                break;
            default:
                await InvalidAsync(ct);
                break;
        }
        return Redraw();
    }

    // 使えない URL: 開設が済んだものなら、そう伝えてログインへ。期限切れや知らないものなら、はじめからやり直してもらう
    private async Task InvalidAsync(CancellationToken ct)
    {
        if (await registrations.UsedForAnOpenAccountAsync(Token, ct))
        {
            LinkInvalid = true;
            AlreadyOpen = true;
            return;
        }
        Invalid(RegisterTexts.LinkInvalid);
    }

    private void Invalid(string message)
    {
        LinkInvalid = true;
        ModelState.AddModelError(string.Empty, message);
    }

    // パスワードは書き戻さない（規則は欄の横に出ているので、もう一度入れてもらう）。ほかの入力は残す
    private IActionResult Redraw()
    {
        (Input.Password, Input.ConfirmPassword) = (null, null);
        return this.Redraw("_CompleteForm");
    }
}
