using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Sessions;

namespace MyPage.Pages.Session;

// 「ログイン時間を延長する」。認証済みの要求そのものが Cookie 認証の延長になる（有効期間の半分を過ぎていれば）。
internal class ExtendModel(SessionClock clock) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        if (await clock.EndAsync(HttpContext) is not { } expires) return Challenge();
        if (!Request.IsHtmx()) return RedirectToPage("/Home/Index");
        var timer = new WarningModel(clock);
        timer.Describe(expires, extended: true);
        return Partial("_SessionTimer", timer);
    }
}
