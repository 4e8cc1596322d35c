using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Sessions;

namespace MyPage.Pages.Session;

// 自動ログアウトの知らせ（htmx で取りに来る断片）。この要求ではセッションを延長しない。
// まだ早ければ次に確かめる時刻の入った待ち受けを、間近なら知らせと「延長する」ボタンを返す。
public class WarningModel(SessionClock clock) : PageModel
{
    public DateTimeOffset ExpiresAt { get; private set; }
    public bool Warn { get; private set; }
    public int CheckAfterSeconds { get; private set; }
    public bool Extended { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await clock.ExpiresAtAsync(HttpContext) is not { } expires) return Challenge();
        Describe(expires);
        return Partial("_SessionTimer", this);
    }

    public void Describe(DateTimeOffset expires, bool extended = false)
    {
        ExpiresAt = expires;
        Extended = extended;
        var remaining = expires - clock.Now;
        Warn = remaining <= clock.Policy.WarnBefore;
        // 知らせる前なら知らせる時刻に、知らせたあとは切れる時刻に、もう一度確かめる
        var next = Warn ? remaining : remaining - clock.Policy.WarnBefore;
        CheckAfterSeconds = Math.Max(1, (int)Math.Ceiling(next.TotalSeconds) + (Warn ? 1 : 0));
    }
}
