using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Account;
using MyPage.Mynaportal;
using MyPage.Pages.Shared;
using MyPage.Time;

namespace MyPage.Pages.Account;

[AllowAnonymous]
public class LoginModel(PasswordLogin login, MynaportalSignIn mynaportal, IOptions<MynaportalOptions> mynaportalOptions) : PageModel, IFormPage
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    // 「属性連携不整合確認」の「マイナポータル連携開始」から来たとき: ログインと同時に連携する
    [BindProperty(SupportsGet = true)]
    public string? Link { get; set; }

    public bool LinksMynaportal { get; private set; }
    public string? MynaportalPortal => mynaportalOptions.Value.Enabled ? mynaportalOptions.Value.Portal : null;

    public List<FormError> Errors { get; } = [];
    public string? IdError { get; private set; }
    public string? PasswordError { get; private set; }
    public string? StatusMessage { get; private set; }

    public class InputModel
    {
        public string? Id { get; set; }
        public string? Password { get; set; }
    }

    public async Task OnGetAsync(string? status)
    {
        LinksMynaportal = Link == "mynaportal" && await mynaportal.HasPendingAsync(HttpContext);
        StatusMessage = status switch
        {
            "signed-out" => LoginTexts.SignedOut,
            "timed-out" => LoginTexts.SessionEnded,
            _ => null,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = Input.Id ?? "";
        var password = Input.Password ?? "";

        // 長すぎる入力はハッシュ計算の前に断る
        if (string.IsNullOrWhiteSpace(id)) IdError = LoginTexts.IdRequired;
        else if (id.Length > LoginId.MaxLength * 4 || LoginId.Normalize(id).Length > LoginId.MaxLength) IdError = LoginTexts.IdTooLong;
        if (password.Length == 0) PasswordError = LoginTexts.PasswordRequired;
        else if (password.Length > LoginTexts.PasswordMaxLength) PasswordError = LoginTexts.PasswordTooLong;
        if (IdError is not null) Errors.Add(new("login-id", IdError));
        if (PasswordError is not null) Errors.Add(new("login-password", PasswordError));
        if (Errors.Count > 0) return Redraw();

        var result = await login.LoginAsync(id, password, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        switch (result.Outcome)
        {
            case LoginOutcome.Succeeded:
                var target = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/Home";
                if (Link == "mynaportal" && await mynaportal.LinkPendingAsync(HttpContext, result.Seeker!, ct) is { } linked)
                    target = linked switch
                    {
                        CallbackOutcome.Linked => "/Home",
                        CallbackOutcome.SubjectLinkedToAnother => "/Settings?status=subject-taken",
                        _ => "/Settings?status=already-linked",
                    };
                return this.RedirectAfterPost(target);
            case LoginOutcome.Locked:
                Errors.Add(new(null, LoginTexts.Lockout));
                if (result.LockedUntil is { } until) Errors.Add(new(null, LoginTexts.RetryFrom(JapanTime.Format(until))));
                return Redraw();
            default:
                Errors.Add(new("login-id", LoginTexts.Failed));
                return Redraw();
        }
    }

    // htmx にはフォームだけ、JavaScript なしなら画面全体（どちらも 200: htmx 2 は 4xx を差し替えない）
    private IActionResult Redraw()
    {
        LinksMynaportal = Link == "mynaportal";
        Input.Password = null;
        return this.Redraw("_LoginForm");
    }
}
