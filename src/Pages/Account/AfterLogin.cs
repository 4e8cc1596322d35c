using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Mynaportal;
using MyPage.Pages.Mynaportal;
using MyPage.Pages.Shared;
using MyPage.Sessions;

namespace MyPage.Pages.Account;

// ログインが済んだあとの行き先。S1 でも「ワンタイムパスワード入力」でも同じ。
public static class AfterLogin
{
    // 戻り先として受け取ってよいのはこのサイトの画面だけ（外のサイトや、htmx の断片には戻らない）
    public static string? SafeReturnUrl(PageModel page, string? returnUrl)
        => page.Url.IsLocalUrl(returnUrl) && ReturnUrls.IsPage(returnUrl) ? returnUrl : null;

    // 「属性連携不整合確認」から来たなら待っているマイナポータルの連携を結び、そうでなければ戻り先かホームへ
    public static async Task<IActionResult> ContinueAsync(PageModel page, MynaportalSignIn mynaportal, Seeker seeker, string? returnUrl,
        bool linksMynaportal, CancellationToken ct)
    {
        if (linksMynaportal && await mynaportal.LinkPendingAsync(page.HttpContext, seeker, ct) is { } linked)
        {
            var (target, values) = MynaportalOutcomes.Target(linked, fromLogin: true);
            return page.RedirectToPageAfterPost(target, values);
        }
        return SafeReturnUrl(page, returnUrl) is { } url ? page.RedirectAfterPost(url) : page.RedirectToPageAfterPost("/Home/Index");
    }
}
