using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Mynaportal;

namespace MyPage.Pages.Mynaportal;

// マイナポータルの「つながっているウェブサイト」のリンクの行き先（OpenID Connect の第三者起点のログイン）。
// ここから改めて認可コードの要求を始めるので、リンク自体は何の証明にもならない。
[AllowAnonymous]
internal class StartModel(IOptions<MynaportalOptions> options) : PageModel
{
    public IActionResult OnGet(string? iss)
    {
        var settings = options.Value;
        if (!settings.Enabled) return RedirectToPage("/Mynaportal/Failed", new { reason = "unavailable" });
        // 知らない発行者からの起点は受け付けない
        if (iss is not null && !MynaportalOptions.SameIssuer(iss, settings.Authority))
            return RedirectToPage("/Mynaportal/Failed");
        return Challenge(MynaportalSignIn.Challenge(Url.Page("/Mynaportal/Callback")!, MynaportalSignIn.LoginMode), MynaportalOptions.Scheme);
    }
}
