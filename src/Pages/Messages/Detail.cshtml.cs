using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Jobs;
using MyPage.Pages.Shared;

namespace MyPage.Pages.Messages;

// メッセージを読む。本人あてでなければ、あるかどうかも言わずに 404。
internal class DetailModel(CurrentSeeker current, Inbox inbox, TimeProvider time) : PageModel
{
    public SeekerMessage Message { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (current.Id is not { } seekerId) return Challenge();
        if (await inbox.OpenAsync(seekerId, id, time.GetUtcNow(), ct) is not { } message) return NotFound();
        Message = message;
        return Page();
    }
}
