using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Abuse;
using MyPage.Account;
using MyPage.Mail;
using MyPage.Mynaportal;
using MyPage.Pages.Shared;
using MyPage.PasswordReset;
using MyPage.Security;
using MyPage.Sessions;

namespace MyPage.Pages.Account;

// S2「求職者マイページパスワード再登録」
[AllowAnonymous]
[GuardedForm]
internal class ForgotPasswordModel(PasswordResets resets, BotGate botGate, Browsers browsers, RequestOrigins origins, IOptions<MailOptions> mail,
    IOptions<MynaportalOptions> mynaportal) : PageModel
{
    // 人の確認の答え（確認が要るときだけ画面にある）
    [BindProperty(Name = "BotCheck")]
    public string? BotCheckAnswer { get; set; }

    public BotCheckView? BotCheck { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string From => mail.Value.From;

    // マイナポータルの入口（設定されていれば、メールボックスをなくした人に ID の変更を案内する）
    public string? MynaportalPortal => mynaportal.Value.Enabled ? mynaportal.Value.Portal : null;

    public static readonly string[] Fields = ["reset-id"];

    public class InputModel
    {
        public string? Id { get; set; }
    }

    // ?check=1: 人の確認つきで開く（reCAPTCHA は、その応答でだけ Google のスクリプトを許すので、開き直して出す）
    public async Task OnGetAsync(CancellationToken ct)
    {
        BotCheck = await botGate.RequestedAsync(HttpContext, BotGate.ResetAction, ct);
        this.ShowCheck(BotCheck);
    }

    // 計算による確認が長引いたときの「時刻まで待つ方法に切り替える」: 部品 (#bot-check) だけを待つ確認にして返す（htmx の差し替え）
    public async Task<IActionResult> OnPostBotWaitAsync(CancellationToken ct)
        => await botGate.WaitInsteadAsync(HttpContext, BotGate.ResetAction, ct) is { } check ? Partial("_BotCheck", check) : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (LoginId.Check(Input.Id, LoginId.MaxLength, PasswordResetTexts.IdMessages, out var loginId) is { } problem)
        {
            ModelState.AddModelError("reset-id", problem);
            return this.Redraw("_ForgotPasswordForm");
        }

        // 同じ ID や同じ接続元からの申込みが多ければ、人の確認を通ってから（その ID で前にログインしたブラウザは別の枠）
        var origin = origins.Of(HttpContext);
        var known = await browsers.KnownForAsync(HttpContext, loginId, ct);
        if (await resets.CheckNeededAsync(loginId, origin, known, ct) && await botGate.VerifyAsync(HttpContext, BotCheckAnswer, BotGate.ResetAction, ct) is { } check)
        {
            BotCheck = check with { SendWhenDone = true };
            return this.RedrawWithCheck(BotCheck, "_ForgotPasswordForm");
        }

        // 登録のないIDでも同じ画面へ進む（アカウント列挙の防止）
        var browser = new ResetBrowser(known, browsers.ExistingTagOf(HttpContext), Request.Cookies[PasswordResetTexts.ResetCookie]);
        var reference = await resets.RequestAsync(loginId, origin, browser, ct);
        Response.Cookies.Append(PasswordResetTexts.ResetCookie, reference, new CookieOptions
        {
            // 閉じたら最初から（マニュアル）: 有効期限のないセッション Cookie
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
        return this.RedirectToPageAfterPost("/Account/ResetPassword");
    }
}
