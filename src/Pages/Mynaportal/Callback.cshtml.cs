using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Mynaportal;
using MyPage.Sessions;

namespace MyPage.Pages.Mynaportal;

// 「もっとつながる」からのシングルサインオンで、OpenID Connect の検査が済んだあとの行き先: ホームか「属性連携不整合確認」。
// このブラウザに前のセッションがあっても使い回さない（新しいセッションを始める）。
[AllowAnonymous]
[StartsSession]
internal class CallbackModel(MynaportalSignIn mynaportal) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (page, values) = MynaportalOutcomes.Target(await mynaportal.SignInAsync(HttpContext, ct));
        return RedirectToPage(page, values);
    }
}
