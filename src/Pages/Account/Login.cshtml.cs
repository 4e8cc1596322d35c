using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Account;
using MyPage.Mynaportal;
using MyPage.Pages.Mynaportal;
using MyPage.Pages.Shared;
using MyPage.Sessions;

namespace MyPage.Pages.Account;

// S1「求職者マイページログイン」
[AllowAnonymous]
[StartsSession]
public class LoginModel(PasswordLogin login, MynaportalSignIn mynaportal, IOptions<SessionPolicy> sessionPolicy, IOptions<MynaportalOptions> mynaportalOptions) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    // 「属性連携不整合確認」の「マイナポータル連携開始」から来たとき: ログインと同時に連携する
    [BindProperty(SupportsGet = true)]
    public string? Link { get; set; }

    public bool LinksMynaportal { get; private set; }
    public Lockout? Lockout { get; private set; }

    // マイナポータルの入口（設定されていれば S1 で案内する: マニュアル 3.1 (2)）
    public string? MynaportalPortal => mynaportalOptions.Value.Enabled ? mynaportalOptions.Value.Portal : null;
    public string? StatusMessage { get; private set; }

    public static readonly string[] Fields = ["login-id", "login-password"];

    public class InputModel
    {
        public string? Id { get; set; }
        public string? Password { get; set; }
    }

    public async Task OnGetAsync(string? status)
    {
        LinksMynaportal = Link == MynaportalOutcomes.LinkOnLogin && await mynaportal.HasPendingAsync(HttpContext);
        StatusMessage = status switch
        {
            LoginTexts.SignedOutStatus => LoginTexts.SignedOut,
            Sessions.SessionTimeoutEvents.TimedOut => LoginTexts.SessionEnded,
            Sessions.SessionTimeoutEvents.Expired => LoginTexts.SessionExpired((int)sessionPolicy.Value.AbsoluteLifetime.TotalHours),
            _ => null,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var password = Input.Password ?? "";

        // 長すぎる入力はハッシュ計算の前に断る
        if (LoginId.Check(Input.Id, LoginId.MaxLength, LoginTexts.IdMessages, out var loginId) is { } idProblem)
            ModelState.AddModelError("login-id", idProblem);
        if (password.Length == 0) ModelState.AddModelError("login-password", LoginTexts.PasswordRequired);
        else if (password.Length > LoginTexts.PasswordMaxLength) ModelState.AddModelError("login-password", LoginTexts.PasswordTooLong);
        if (ModelState.ErrorCount > 0) return Redraw();

        var links = Link == MynaportalOutcomes.LinkOnLogin;
        var result = await login.LoginAsync(HttpContext, loginId, password, AfterLogin.SafeReturnUrl(this, ReturnUrl), links, ct);
        switch (result.Outcome)
        {
            case LoginOutcome.Succeeded:
                return await AfterLogin.ContinueAsync(this, mynaportal, result.Seeker!, ReturnUrl, links, ct);
            case LoginOutcome.NeedsCode:
                return this.RedirectToPageAfterPost("/Account/OneTimePassword");
            case LoginOutcome.Locked:
                Lockout = new(result.LockedUntil);
                return Redraw();
            default:
                ModelState.AddModelError("login-id", LoginTexts.Failed);
                return Redraw();
        }
    }

    // htmx にはフォームだけ、JavaScript なしなら画面全体（どちらも 200: htmx 2 は 4xx を差し替えない）
    private IActionResult Redraw()
    {
        LinksMynaportal = Link == MynaportalOutcomes.LinkOnLogin;
        Input.Password = null;
        return this.Redraw("_LoginForm");
    }
}
