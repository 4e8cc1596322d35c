using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Abuse;
using MyPage.Account;
using MyPage.Data;
using MyPage.IdChange;
using MyPage.Mail;
using MyPage.Pages.Account;
using MyPage.Pages.Shared;
using MyPage.Security;
using MyPage.Time;

namespace MyPage.Pages.Settings;

// 「ID(メールアドレス)の変更」: 新しいアドレスを二度と、いまのパスワード（マイナポータルからログインして10分以内なら要らない）。
// 受け付けたら新しいアドレスへ認証キーを送り、「ID(メールアドレス)変更の確認」へ進む。ID が変わるのは、そこで認証キーが合ったとき
internal class ChangeIdModel(
    CurrentSeeker current,
    IdChanges changes,
    PasswordConfirmation passwords,
    RequestOrigins origins,
    IOptions<RateLimitOptions> limits,
    IOptions<MailOptions> mail) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public class InputModel
    {
        public string? NewId { get; set; }
        public string? ConfirmId { get; set; }
        public string? Password { get; set; }
    }

    private const string PasswordField = "change-password";
    public static readonly string[] Fields = ["new-id", "confirm-id", PasswordField];

    public Seeker Seeker { get; private set; } = null!;
    public SignInProof Proof { get; private set; } = new(MynaportalProof.NotMynaportal);
    public WaitingIdChange? Waiting { get; private set; }
    public Lockout? Lockout { get; private set; }
    public string From => mail.Value.From;

    // マイナポータルからログインして10分以内: パスワードの欄を出さない
    public bool PasswordNeeded => Proof.Mynaportal != MynaportalProof.Recent;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await LoadAsync(ct) ? Page() : Challenge();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();

        var idProblem = LoginId.Check(Input.NewId, LoginId.MaxLength, IdChangeTexts.NewIdMessages, out var newId);
        if (idProblem is not null)
            ModelState.AddModelError("new-id", idProblem);
        else if (newId == Seeker.NormalizedUserName)
            ModelState.AddModelError("new-id", IdChangeTexts.SameAsNow);
        if (string.IsNullOrWhiteSpace(Input.ConfirmId))
            ModelState.AddModelError("confirm-id", IdChangeTexts.ConfirmRequired);
        else if (idProblem is null && LoginId.Normalize(Input.ConfirmId) != newId)
            ModelState.AddModelError("confirm-id", IdChangeTexts.ConfirmMismatch);

        if (!await ConfirmedAsync(ct)) return Redraw();

        var requested = await changes.RequestAsync(Seeker, newId, origins.Of(HttpContext), ct);
        if (requested.Outcome == IdChangeRequestOutcome.TooMany)
        {
            ModelState.AddModelError(string.Empty, IdChangeTexts.TooMany(limits.Value.IdChangeMailsPerSeekerPerHour, JapanTime.Format(requested.RetryAt!.Value)));
            return Redraw();
        }
        // ほかの人の ID のアドレスでも同じ画面へ（アドレスの有無はわからない。そのアドレスには「すでに使われている」のメール）
        return this.RedirectToPageAfterPost("/Settings/ChangeIdKey");
    }

    // 本人の確認: マイナポータルからログインして10分以内ならそれで、ほかはいまのパスワード（ログインと同じロックの回数に数える）。
    // ほかの欄に誤りがあれば照合しない（打ったパスワードの形だけを確かめる）
    private async Task<bool> ConfirmedAsync(CancellationToken ct)
    {
        if (!PasswordNeeded) return ModelState.ErrorCount == 0;
        if (Proof.Mynaportal == MynaportalProof.TooOld && string.IsNullOrEmpty(Input.Password))
        {
            // 10分のうちに開いた画面（パスワードの欄がない）から、過ぎてから送った
            ModelState.AddModelError(PasswordField, IdChangeTexts.MynaportalTooOld);
            return false;
        }
        if (ModelState.ErrorCount > 0)
        {
            TypedPassword.Accept(ModelState, PasswordField, Input.Password, out _);
            return false;
        }
        var confirmed = await passwords.ConfirmAsync(this, PasswordField, Input.Password, Seeker, PasswordPurpose.IdChange, ct);
        Lockout = confirmed.Lockout;
        return confirmed.Confirmed;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return false;
        Seeker = seeker;
        Proof = await changes.MynaportalProofAsync(HttpContext);
        Waiting = await changes.WaitingAsync(seeker.Id, ct);
        return true;
    }

    // パスワードは書き戻さない。アドレスは残す
    private IActionResult Redraw()
    {
        Input.Password = null;
        return this.Redraw("_ChangeIdForm");
    }
}
