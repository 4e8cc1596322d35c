using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.IdChange;
using MyPage.Mail;
using MyPage.Pages.Account;
using MyPage.Pages.Shared;
using MyPage.PasswordReset;

namespace MyPage.Pages.Settings;

// 「求職者情報・設定」に ?status= で伝える、ID(メールアドレス)の変更の結果
internal enum IdChangeStatus { IdChanged }

// 「ID(メールアドレス)変更の確認」: 新しいアドレスに届いた認証キーを入れる。合えば ID が変わり、ほかの端末のログインは終わる。
// 使えるのは、ログインしている本人の最後の申込みだけ（ほかの人の申込みの認証キーは、どれも合わない）
internal class ChangeIdKeyModel(CurrentSeeker current, IdChanges changes, IOptions<MailOptions> mail) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public class InputModel
    {
        public string? Key { get; set; }
    }

    private const string KeyField = "change-key";
    public static readonly string[] Fields = [KeyField];

    public WaitingIdChange? Waiting { get; private set; }
    public Lockout? Lockout { get; private set; }
    public string From => mail.Value.From;

    // 使える申込みがない（期限切れ、5回の誤り、新しい申込み、済んだ）: はじめからやり直す
    public bool MustStartOver { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return Challenge();
        Waiting = await changes.WaitingAsync(seeker.Id, ct);
        if (Waiting is null) StartOver(IdChangeTexts.NothingWaiting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return Challenge();
        Waiting = await changes.WaitingAsync(seeker.Id, ct);
        if (Waiting is null)
        {
            StartOver(IdChangeTexts.KeyVoid);
            return Redraw();
        }
        var key = ResetKey.Normalize(Input.Key);
        if (string.IsNullOrWhiteSpace(Input.Key)) ModelState.AddModelError(KeyField, IdChangeTexts.KeyRequired);
        else if (key is null) ModelState.AddModelError(KeyField, IdChangeTexts.KeyFormat);
        // 入力の形の誤りでは認証キーを使わない（照合もせず、数えもしない）
        if (ModelState.ErrorCount > 0) return Redraw();

        var result = await changes.ConfirmAsync(HttpContext, seeker, key!, ct);
        switch (result.Outcome)
        {
            case IdChangeOutcome.Changed:
            case IdChangeOutcome.AlreadyChanged:
                return this.RedirectToPageAfterPost("/Settings/Index", PageStatus.Route(IdChangeStatus.IdChanged));
            case IdChangeOutcome.WrongKey:
                ModelState.AddModelError(KeyField, IdChangeTexts.KeyWrong);
                break;
            case IdChangeOutcome.Locked:
                Lockout = new(result.LockedUntil, ByKeys: result.LockedByKey);
                break;
            case IdChangeOutcome.AddressTaken:
                StartOver(IdChangeTexts.AddressTaken);
                break;
            default:
                StartOver(IdChangeTexts.KeyVoid);
                break;
        }
        return Redraw();
    }

    private void StartOver(string message)
    {
        MustStartOver = true;
        ModelState.AddModelError(string.Empty, message);
    }

    // 認証キーは残す（打ち間違いを直せるように）。やり直すときは消す
    private IActionResult Redraw()
    {
        if (MustStartOver) Input.Key = null;
        return this.Redraw("_ChangeIdKeyForm");
    }
}
