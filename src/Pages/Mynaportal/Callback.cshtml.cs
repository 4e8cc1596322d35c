using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Mynaportal;

namespace MyPage.Pages.Mynaportal;

// OpenID Connect の検査が済んだあとの行き先。ログインか、連携か、「属性連携不整合確認」か。
[AllowAnonymous]
public class CallbackModel(MynaportalSignIn mynaportal) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await mynaportal.HandleCallbackAsync(HttpContext, ct) switch
        {
            CallbackOutcome.SignedIn => LocalRedirect("/Home"),
            CallbackOutcome.NotLinked => RedirectToPage("/Mynaportal/Unlinked"),
            CallbackOutcome.Linked => LocalRedirect("/Settings?status=linked"),
            CallbackOutcome.SubjectLinkedToAnother => LocalRedirect("/Settings?status=subject-taken"),
            CallbackOutcome.SeekerAlreadyLinked => LocalRedirect("/Settings?status=already-linked"),
            _ => RedirectToPage("/Mynaportal/Failed"),
        };
}
