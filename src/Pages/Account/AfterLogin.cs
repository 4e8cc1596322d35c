using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Mynaportal;
using MyPage.Pages.Shared;
using MyPage.Sessions;

namespace MyPage.Pages.Account;

// ログインが済んだあとの行き先。S1 でも「ワンタイムパスワード入力」でも同じ。
internal static class AfterLogin
{
    // 戻り先として受け取ってよいのはこのサイトの画面だけ（外のサイト、htmx の断片、ASCII でない URL には戻らない）
    public static string? SafeReturnUrl(PageModel page, string? returnUrl)
        => ReturnUrls.IsPage(returnUrl) && page.Url.IsLocalUrl(returnUrl) ? returnUrl : null;

    // このブラウザに連携を待つマイナポータルのサインインがあれば、連携するかを本人に確かめる画面へ。
    // そうでなければ戻り先かホームへ
    public static async Task<IActionResult> ContinueAsync(PageModel page, MynaportalSignIn mynaportal, Seeker seeker, string? returnUrl, CancellationToken ct)
    {
        if (await mynaportal.OfferAsync(page.HttpContext, seeker, ct))
            return page.RedirectToPageAfterPost("/Mynaportal/Confirm");
        return SafeReturnUrl(page, returnUrl) is { } url ? page.RedirectAfterPost(url) : page.RedirectToPageAfterPost("/Home/Index");
    }
}
