using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Abuse;
using MyPage.Data;
using MyPage.Login;
using MyPage.Mail;
using MyPage.Mynaportal;
using MyPage.OneTimePassword;
using MyPage.Pages.Shared;
using MyPage.Security;
using MyPage.Sessions;
using MyPage.Time;

namespace MyPage.Pages.Account;

// 「ワンタイムパスワード入力」: S1 で ID・パスワードが合ったあと。このブラウザの Cookie の参照で、待っているログインを引く。
[AllowAnonymous]
[GuardedForm]
[LoginForm(LoginMethod.PasswordAndCode)]
[StartsSession]
internal class OneTimePasswordModel(
    PendingLogins pending,
    CodeLogin codeLogin,
    MynaportalSignIn mynaportal,
    IOptions<OneTimePasswordOptions> options,
    IOptions<MailOptions> mail) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PendingLogin? Pending { get; private set; }
    public string? Address { get; private set; }
    public Lockout? Lockout { get; private set; }
    public string? StatusMessage { get; private set; }
    // 1時間の上限でメールを送らなかったとき、次に送れる時刻
    public DateTimeOffset? NextMailAt { get; private set; }

    // 待っているログインがない、または使えなくなった: S1 からやり直す
    public bool MustStartOver => Pending is null;
    public OneTimePasswordOptions Options => options.Value;
    public string From => mail.Value.From;

    public static readonly string[] Fields = ["otp-code"];

    public class InputModel
    {
        public string? Code { get; set; }
        public bool Trust { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) ModelState.AddModelError(string.Empty, await StartOverAsync(ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            ModelState.AddModelError(string.Empty, await StartOverAsync(ct));
            return Redraw();
        }

        // 形の誤りでは照合しない（回数にも数えない）
        var code = TypedCodes.Normalize(Input.Code, Options.Length);
        if (string.IsNullOrWhiteSpace(Input.Code)) ModelState.AddModelError("otp-code", OneTimePasswordTexts.Required);
        else if (code is null) ModelState.AddModelError("otp-code", OneTimePasswordTexts.Format(Options.Length));
        if (ModelState.ErrorCount > 0) return Redraw();

        var result = await codeLogin.LoginAsync(HttpContext, code!, Input.Trust, ct);
        switch (result.Outcome)
        {
            case CodeOutcome.Accepted:
                return await AfterLogin.ContinueAsync(this, mynaportal, result.Seeker!, result.Pending!.ReturnUrl, ct);
            case CodeOutcome.Wrong:
                ModelState.AddModelError("otp-code", OneTimePasswordTexts.Wrong(result.Remaining, result.LocksFirst));
                break;
            case CodeOutcome.Replaced:
                ModelState.AddModelError("otp-code", OneTimePasswordTexts.Replaced(result.Remaining, result.LocksFirst));
                break;
            case CodeOutcome.Locked:
                Pending = null;
                Lockout = new(result.LockedUntil, ByCodes: result.ByCode);
                break;
            default:
                Pending = null;
                ModelState.AddModelError(string.Empty, OneTimePasswordTexts.Void);
                break;
        }
        return Redraw();
    }

    // 「ワンタイムパスワードを再送する」
    public async Task<IActionResult> OnPostResendAsync(CancellationToken ct)
    {
        var outcome = await pending.ResendAsync(HttpContext, ct);
        if (outcome == ResendOutcome.Void || !await LoadAsync(ct))
        {
            ModelState.AddModelError(string.Empty, outcome == ResendOutcome.Void ? OneTimePasswordTexts.StartOver : OneTimePasswordTexts.Void);
            return Redraw();
        }
        if (outcome == ResendOutcome.LimitReached) ModelState.AddModelError(string.Empty, OneTimePasswordTexts.ResendLimit);
        else StatusMessage = OneTimePasswordTexts.Resent;
        return Redraw();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Pending = await pending.CurrentAsync(HttpContext, ct);
        if (Pending is not null) Address = await pending.AddressAsync(Pending, ct);
        if (Address is null) Pending = null; // 待つ間に退会した
        if (Pending is { MailSent: false }) NextMailAt = await pending.NextMailAtAsync(Pending.SeekerId, ct);
        return Pending is not null;
    }

    // 待つログインが使えない理由: 期限が過ぎたならその時刻を、ほかは「見つかりません」
    private async Task<string> StartOverAsync(CancellationToken ct)
        => await pending.ExpiredAtAsync(HttpContext, ct) is { } expired ? OneTimePasswordTexts.Expired(JapanTime.Format(expired)) : OneTimePasswordTexts.StartOver;

    // コードは書き戻さない（一度きりの秘密は HTML に残さない）
    private IActionResult Redraw()
    {
        Input.Code = null;
        return this.Redraw("_OneTimePasswordForm");
    }
}
