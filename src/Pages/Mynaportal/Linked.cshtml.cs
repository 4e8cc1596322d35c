using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Mynaportal;

namespace MyPage.Pages.Mynaportal;

// 「求職者情報・設定」から始めた連携 (3.4) で、OpenID Connect の検査が済んだあとの行き先。
// ログインしたままの本人だけが来られる（ログインが切れていれば、ログイン画面へ）。
public class LinkedModel(UserManager<Seeker> users, MynaportalSignIn mynaportal) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } seeker) return Challenge();
        var (page, values) = MynaportalOutcomes.Target(await mynaportal.CompleteLinkAsync(HttpContext, seeker, ct));
        return RedirectToPage(page, values);
    }
}
