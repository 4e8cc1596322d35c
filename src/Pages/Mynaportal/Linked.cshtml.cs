using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Mynaportal;
using MyPage.Pages.Shared;

namespace MyPage.Pages.Mynaportal;

// 「求職者情報・設定」から始めた連携 (3.4) で、OpenID Connect の検査が済んだあとの行き先。
// ログインしたままの本人だけが来られる（ログインが切れていれば、ログイン画面へ）。
internal class LinkedModel(CurrentSeeker current, MynaportalSignIn mynaportal) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return Challenge();
        var (page, values) = MynaportalOutcomes.Target(await mynaportal.CompleteLinkAsync(HttpContext, seeker, ct));
        return RedirectToPage(page, values);
    }
}
