using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Abuse;
using MyPage.Account;
using MyPage.Login;
using MyPage.Mynaportal;
using MyPage.Pages.Mynaportal;
using MyPage.Pages.Shared;
using MyPage.Passkeys;
using MyPage.Sessions;

namespace MyPage.Pages.Account;

// S1「求職者マイページログイン」
[AllowAnonymous]
[StartsSession]
[GuardedForm]
[LoginForm(LoginMethod.Password)]
// パスワードでのログインの手順 (PasswordLogin: Identity、セッション、照合) と、マイナポータルのサインイン (MynaportalSignIn) は
// 使うときだけ作る（画面を開くたびに作らない: UserManager は作るたびに測定の計器を錠の下で探す。IdentityMetricsTests）
internal class LoginModel(
    BotGate botGate,
    IOptions<SessionPolicy> sessionPolicy,
    IOptions<MynaportalOptions> mynaportalOptions) : PageModel
{
    // 人の確認の答え（確認が要るときだけ画面にある）
    [BindProperty(Name = "BotCheck")]
    public string? BotCheckAnswer { get; set; }

    public BotCheckView? BotCheck { get; private set; }

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

    // 「パスキーでログイン」の答え（ブラウザが作った JSON。スクリプトだけが送る）
    [BindProperty]
    public string? Credential { get; set; }

    public class InputModel
    {
        public string? Id { get; set; }
        public string? Password { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? status, [FromServices] AnonymousFormPages plain, CancellationToken ct)
    {
        // この接続元に人の確認が要るなら、はじめから出しておく（入力の間に解ける）
        BotCheck = await botGate.ForLoginPageAsync(HttpContext, ct);
        BotCheck ??= await botGate.RequestedAsync(HttpContext, BotGate.LoginAction, ct);
        this.ShowCheck(BotCheck);
        LinksMynaportal = Link == MynaportalOutcomes.LinkOnLogin
            && await HttpContext.RequestServices.GetRequiredService<MynaportalSignIn>().HasPendingAsync(HttpContext, ct);
        StatusMessage = status switch
        {
            LoginTexts.SignedOutStatus => LoginTexts.SignedOut,
            Sessions.SessionTimeoutEvents.TimedOut => LoginTexts.SessionEnded,
            Sessions.SessionTimeoutEvents.Expired => LoginTexts.SessionExpired((int)sessionPolicy.Value.AbsoluteLifetime.TotalHours),
            Sessions.SessionEndings.SignedOutElsewhere => LoginTexts.SignedOutElsewhere,
            Sessions.SessionEndings.PasswordReset => LoginTexts.PasswordWasReset,
            Sessions.SessionEndings.Withdrawn => LoginTexts.WithdrawnElsewhere,
            Sessions.SessionEndings.MynaportalUnlinked => LoginTexts.MynaportalUnlinked,
            Sessions.SessionEndings.IdChanged => LoginTexts.IdWasChanged,
            _ => null,
        };
        // 何も付かない S1（クエリなし、ログインしていない、人の確認なし、htmx でない）は、誰にでも同じ: 覚えた HTML を配る
        var plainView = !Request.QueryString.HasValue && User.Identity?.IsAuthenticated != true && BotCheck is null && !Request.IsHtmx();
        return plainView ? plain.Serve(this) : Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] PasswordLogin login, [FromServices] MynaportalSignIn mynaportal, CancellationToken ct)
    {
        // 長すぎる入力はハッシュ計算の前に断る
        if (LoginId.Check(Input.Id, LoginId.MaxLength, LoginTexts.IdMessages, out var loginId) is { } idProblem)
            ModelState.AddModelError("login-id", idProblem);
        TypedPassword.Accept(ModelState, "login-password", Input.Password, out var password);
        if (ModelState.ErrorCount > 0) return Redraw();

        var result = await login.LoginAsync(HttpContext, loginId, password, BotCheckAnswer, AfterLogin.SafeReturnUrl(this, ReturnUrl), ct);
        switch (result.Outcome)
        {
            case LoginOutcome.NeedsBotCheck:
                BotCheck = result.BotCheck;
                return Redraw();
            case LoginOutcome.Succeeded:
                return await AfterLogin.ContinueAsync(this, mynaportal, result.Seeker!, ReturnUrl, ct);
            case LoginOutcome.NeedsCode:
                return this.RedirectToPageAfterPost("/Account/OneTimePassword");
            case LoginOutcome.Locked:
                Lockout = new(result.LockedUntil);
                return Redraw();
            default:
                ModelState.AddModelError("login-id", LoginTexts.Failed);
                // この失敗で接続元が上限に達したなら、次の送信のための確認をもう出しておく
                BotCheck = await botGate.ForLoginPageAsync(HttpContext, ct);
                return Redraw();
        }
    }

    // 「パスキーでログイン」の問題（スクリプトだけが使う）。ID は受け取らない: どの ID があるかを明かさない。
    // ほかの送信と同じ、接続元ごとの上限で数える (GuardedForm)
    public async Task<IActionResult> OnPostPasskeyOptionsAsync([FromServices] PasskeyLogin passkeys)
    {
        Response.Headers.CacheControl = "no-store";
        return Content(await passkeys.OptionsAsync(), "application/json");
    }

    // 「パスキーでログイン」: 確かめられればホームか戻り先へ。断られたら、エラーのまとめに同じ文言（どの理由かは言わない）
    public async Task<IActionResult> OnPostPasskeyAsync([FromServices] PasskeyLogin passkeys, [FromServices] MynaportalSignIn mynaportal, CancellationToken ct)
    {
        var result = await passkeys.LoginAsync(HttpContext, Credential, ct);
        if (result.Outcome == PasskeyLoginOutcome.Succeeded) return await AfterLogin.ContinueAsync(this, mynaportal, result.Seeker!, ReturnUrl, ct);
        ModelState.AddModelError(string.Empty, LoginTexts.PasskeyFailed);
        return Redraw();
    }

    // 計算による確認が長引いたときの「時刻まで待つ方法に切り替える」: 部品 (#bot-check) だけを待つ確認にして返す（htmx の差し替え）
    public async Task<IActionResult> OnPostBotWaitAsync(CancellationToken ct)
        => await botGate.WaitInsteadAsync(HttpContext, BotGate.LoginAction, ct) is { } check ? Partial("_BotCheck", check) : NotFound();

    // htmx にはフォームだけ、JavaScript なしなら画面全体（どちらも 200: htmx 2 は 4xx を差し替えない）
    private IActionResult Redraw()
    {
        LinksMynaportal = Link == MynaportalOutcomes.LinkOnLogin;
        Input.Password = null;
        Credential = null;
        return BotCheck is { } check ? this.RedrawWithCheck(check, "_LoginForm", new { ReturnUrl, Link }) : this.Redraw("_LoginForm");
    }
}
