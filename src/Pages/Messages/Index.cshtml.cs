using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Jobs;

namespace MyPage.Pages.Messages;

// 「メッセージ」: 本人あてのメッセージの一覧（未読は太字と「未読」）
public class IndexModel(UserManager<Seeker> users, Inbox inbox) : PageModel
{
    public ListPage<SeekerMessage> List { get; private set; } = null!;
    public int Unread { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (users.GetUserId(User) is not { } seekerId) return Challenge();
        List = await inbox.PageAsync(seekerId, pageNumber, ct);
        Unread = await inbox.UnreadCountAsync(seekerId, ct);
        return Page();
    }
}
