using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Mynaportal;
using MyPage.Pages.Shared;

namespace MyPage.Pages.Mynaportal;

// 「属性連携不整合確認」からログインしたあと: マイナポータルの利用者の名前を見せて、連携するかを本人に選んでもらう。
// このブラウザに残っていたサインインが、本人の知らないうちに結びつくことはない（5分で消える）。
internal class ConfirmModel(CurrentSeeker current, MynaportalSignIn mynaportal) : PageModel
{
    public PendingLink? Pending { get; private set; }
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return Challenge();
        Email = seeker.Email;
        Pending = await mynaportal.OfferedAsync(HttpContext, seeker, ct);
        return Page();
    }

    // 「連携する」
    public Task<IActionResult> OnPostLinkAsync(CancellationToken ct) => AnswerAsync(link: true, ct);

    // 「連携しない」
    public Task<IActionResult> OnPostDeclineAsync(CancellationToken ct) => AnswerAsync(link: false, ct);

    private async Task<IActionResult> AnswerAsync(bool link, CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return Challenge();
        var outcome = await mynaportal.AnswerAsync(HttpContext, seeker, link, ct);
        return outcome switch
        {
            null => RedirectToPage("/Home/Index", PageStatus.Route(MynaportalStatus.Declined)),
            CallbackOutcome.Linked => RedirectToPage("/Home/Index", PageStatus.Route(MynaportalStatus.Linked)),
            CallbackOutcome.Failed => RedirectToPage("/Mynaportal/Confirm"),
            _ => RedirectToPage(MynaportalOutcomes.Target(outcome.Value).Page, MynaportalOutcomes.Target(outcome.Value).Values),
        };
    }
}
