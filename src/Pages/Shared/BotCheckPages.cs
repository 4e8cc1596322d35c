using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Abuse;
using MyPage.Security;

namespace MyPage.Pages.Shared;

// 人の確認を出すフォームの画面 (S1、S2) のための共通の手順
internal static class BotCheckPages
{
    // 確認つきのフォームを描き直す。reCAPTCHA は Google のスクリプトを読むので、その応答の CSP にだけ Google を足す。
    // htmx の差し替えでは画面の CSP が変わらないので、reCAPTCHA のときは確認つきの画面を開き直させる (?check=1)
    public static IActionResult RedrawWithCheck(this PageModel page, BotCheckView check, string formPartial, object? routeValues = null)
    {
        if (check.Widget.Provider == BotCheckProvider.ReCaptcha)
        {
            if (page.Request.IsHtmx())
            {
                var values = new RouteValueDictionary(routeValues) { ["check"] = "1" };
                page.Response.Htmx(h => h.Redirect(page.Url.Page(page.RouteData.Values["page"]!.ToString(), values)!));
                return new OkResult();
            }
            AllowReCaptcha(page.HttpContext, check.Widget);
        }
        return page.Redraw(formPartial);
    }

    // ?check=1 で開いた画面、またははじめから確認を出す画面の GET
    public static void ShowCheck(this PageModel page, BotCheckView? check)
    {
        if (check?.Widget is { Provider: BotCheckProvider.ReCaptcha } widget) AllowReCaptcha(page.HttpContext, widget);
    }

    private static void AllowReCaptcha(HttpContext http, BotCheckWidget widget)
    {
        var origin = widget.ScriptUrl!.GetLeftPart(UriPartial.Authority);
        // Google のスクリプトは www.gstatic.com から続きを読み、www.google.com の iframe で動く
        string[] scripts = widget.ScriptUrl.Host is "www.google.com" or "www.recaptcha.net" ? [origin, "https://www.gstatic.com"] : [origin];
        SecurityHeaders.AllowThirdParty(http, scripts, frames: [origin], connects: [origin]);
    }
}
