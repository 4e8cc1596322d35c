using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Mynaportal;

namespace MyPage.Pages.Mynaportal;

// OpenID Connect の検査が済んだあとの行き先。ログインか、連携か、「属性連携不整合確認」か。
[AllowAnonymous]
public class CallbackModel(MynaportalSignIn mynaportal) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (page, values) = MynaportalOutcomes.Target(await mynaportal.HandleCallbackAsync(HttpContext, ct));
        return RedirectToPage(page, values);
    }
}
