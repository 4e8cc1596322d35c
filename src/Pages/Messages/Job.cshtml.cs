using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Jobs;
using MyPage.Pages.Shared;
using MyPage.Time;

namespace MyPage.Pages.Messages;

// 「この求人に関するメッセージを表示」: 本人あてのうち、その求人についてのもの
internal class JobModel(CurrentSeeker current, Inbox inbox, TimeProvider time) : PageModel
{
    public JobView Job { get; private set; } = null!;
    public List<SeekerMessage> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (current.Id is not { } seekerId) return Challenge();
        if (await inbox.ForJobAsync(seekerId, id, JapanTime.Today(time), ct) is not { } found) return NotFound();
        (Job, Items) = found;
        return Page();
    }
}
