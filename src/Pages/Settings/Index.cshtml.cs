using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Account;
using MyPage.Data;
using MyPage.Mynaportal;
using MyPage.Pages.Account;
using MyPage.Pages.Mynaportal;
using MyPage.Pages.Shared;

namespace MyPage.Pages.Settings;

// 「求職者情報・設定」。ログインに使う情報（「ID(メールアドレス)の変更」へ）と、3.4「マイナポータルとつなげる」（連携と連携解除）。
internal class IndexModel(CurrentSeeker current, MynaportalLinks links, PasswordConfirmation passwords, IOptions<MynaportalOptions> options) : PageModel
{
    // 連携を始めるときも解除するときも、いまのパスワードをもう一度
    // （ログインしたまま放置された画面から、他人が自分のマイナポータルをつないだり、本人の連携を外したりしないように）
    [BindProperty]
    public LinkInput Input { get; set; } = new();

    public class LinkInput
    {
        public string? Password { get; set; }
    }

    public static readonly string[] Fields = ["link-password", "unlink-password"];
    public Lockout? Lockout { get; private set; }

    public Seeker Seeker { get; private set; } = null!;
    public MynaportalLink? Link { get; private set; }
    public bool MynaportalAvailable => options.Value.Enabled;
    public string? StatusMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        switch (PageStatus.Read<MynaportalStatus>(Request))
        {
            case MynaportalStatus.Linked: StatusMessage = MynaportalTexts.Linked; break;
            case MynaportalStatus.Unlinked: StatusMessage = MynaportalTexts.UnlinkedDone; break;
            case MynaportalStatus.SubjectTaken: ModelState.AddModelError(string.Empty, MynaportalTexts.SubjectTaken); break;
            case MynaportalStatus.AlreadyLinked: ModelState.AddModelError(string.Empty, MynaportalTexts.AlreadyLinked); break;
        }
        if (!await LoadAsync(ct)) return Challenge();
        if (PageStatus.Read<IdChangeStatus>(Request) == IdChangeStatus.IdChanged) StatusMessage = IdChangeTexts.Changed(Seeker.Email!);
        return Page();
    }

    // 連携開始: マイナポータルでログインして戻ってくる（戻り先は /Mynaportal/Linked）
    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        if (!MynaportalAvailable) return this.RedirectToPageAfterPost("/Mynaportal/Failed", new { reason = "unavailable" });
        if (Link is not null) return this.RedirectToPageAfterPost("/Settings/Index", PageStatus.Route(MynaportalStatus.AlreadyLinked));

        var confirmed = await passwords.ConfirmAsync(this, "link-password", Input.Password, Seeker, PasswordPurpose.MynaportalLink, ct);
        Input.Password = null;
        if (confirmed.Confirmed)
            return await this.ChallengeAfterPostAsync(MynaportalSignIn.Challenge(Url.Page("/Mynaportal/Linked")!, MynaportalSignIn.LinkMode, Seeker.Id), MynaportalOptions.Scheme);
        Lockout = confirmed.Lockout;
        return this.Redraw("_LinkForm");
    }

    // 連携解除: ほかのセッションなど、資格情報が開いたものも終える (MynaportalLinks.UnlinkAsync)
    public async Task<IActionResult> OnPostUnlinkAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        if (Link is null) return this.RedirectToPageAfterPost("/Settings/Index");
        var confirmed = await passwords.ConfirmAsync(this, "unlink-password", Input.Password, Seeker, PasswordPurpose.MynaportalUnlink, ct);
        Input.Password = null;
        if (!confirmed.Confirmed)
        {
            Lockout = confirmed.Lockout;
            return this.Redraw("_UnlinkForm");
        }
        await links.UnlinkAsync(HttpContext, Seeker, ct);
        return this.RedirectToPageAfterPost("/Settings/Index", PageStatus.Route(MynaportalStatus.Unlinked));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return false;
        Seeker = seeker;
        Link = await links.ForSeekerAsync(seeker.Id, ct);
        return true;
    }
}
