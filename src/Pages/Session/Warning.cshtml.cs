using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Sessions;

namespace MyPage.Pages.Session;

// 自動ログアウトの知らせ（htmx で取りに来る断片）。この要求ではセッションを延長しない。
// まだ早ければ次に確かめる時刻の入った待ち受けを、間近なら知らせと「延長する」ボタンを返す。
internal class WarningModel(SessionClock clock) : PageModel
{
    public DateTimeOffset ExpiresAt { get; private set; }
    public bool Warn { get; private set; }
    public int CheckAfterSeconds { get; private set; }
    public bool Extended { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await clock.EndAsync(HttpContext) is not { } end) return Challenge();
        Describe(end);
        return Partial("_SessionTimer", this);
    }

    // CanExtend: false ならログインからの上限が先に来る（延長のボタンは出さない）
    public bool CanExtend { get; private set; }

    public void Describe(SessionClock.SessionEnd end, bool extended = false)
    {
        var expires = end.At;
        ExpiresAt = expires;
        CanExtend = end.CanExtend;
        Extended = extended;
        var remaining = expires - clock.Now;
        Warn = remaining <= clock.Policy.WarnBefore;
        // 知らせる前なら知らせる時刻に、知らせたあとは切れる時刻に、もう一度確かめる
        var next = Warn ? remaining : remaining - clock.Policy.WarnBefore;
        CheckAfterSeconds = Math.Max(1, (int)Math.Ceiling(next.TotalSeconds) + (Warn ? 1 : 0));
    }
}
