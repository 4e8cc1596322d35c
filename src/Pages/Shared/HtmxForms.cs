using Htmx;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyPage.Pages.Shared;

// htmx で強化したフォームの二つの返し方。JavaScript がなくても同じ結果になる。
// 応答は HX-Request によって変わるので、どちらも Vary を付ける。
internal static class HtmxForms
{
    // 誤りのあるフォームを描き直す: htmx にはフォームの断片、JavaScript なしなら画面全体（どちらも 200）
    public static IActionResult Redraw(this PageModel page, string formPartial)
    {
        page.Response.Headers.Vary = "HX-Request";
        return page.Request.IsHtmx() ? page.Partial(formPartial, page) : page.Page();
    }

    // 受け付けたあとの移動: htmx には HX-Redirect、JavaScript なしなら普通のリダイレクト（POST → リダイレクト → GET）
    public static IActionResult RedirectAfterPost(this PageModel page, string localUrl)
    {
        page.Response.Headers.Vary = "HX-Request";
        if (!page.Request.IsHtmx()) return page.LocalRedirect(localUrl);
        page.Response.Htmx(h => h.Redirect(localUrl));
        return new OkResult();
    }

    public static IActionResult RedirectToPageAfterPost(this PageModel page, string pageName, object? routeValues = null)
        => page.RedirectAfterPost(page.Url.Page(pageName, routeValues)!);

    // 外のサイトでのログイン（マイナポータル）へ移る: htmx の要求はリダイレクトを XHR のまま外まで追うので、
    // 認証の手順が決めた移り先を HX-Redirect で渡す（ブラウザそのものが移る）。JavaScript なしなら普通の Challenge
    public static async Task<IActionResult> ChallengeAfterPostAsync(this PageModel page, AuthenticationProperties properties, string scheme)
    {
        page.Response.Headers.Vary = "HX-Request";
        if (!page.Request.IsHtmx()) return page.Challenge(properties, scheme);
        await page.HttpContext.ChallengeAsync(scheme, properties);
        if (page.Response.Headers.Location.ToString() is { Length: > 0 } location)
        {
            page.Response.Headers.Location = default;
            page.Response.StatusCode = StatusCodes.Status200OK;
            page.Response.Htmx(h => h.Redirect(location));
        }
        return new EmptyResult();
    }
}
