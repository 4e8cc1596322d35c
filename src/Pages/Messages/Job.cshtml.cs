using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Jobs;

namespace MyPage.Pages.Messages;

// 「この求人に関するメッセージを表示」: 本人あてのうち、その求人についてのもの
public class JobModel(UserManager<Seeker> users, SeekerJobs jobs) : PageModel
{
    public JobPosting Job { get; private set; } = null!;
    public List<SeekerMessage> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (users.GetUserId(User) is not { } seekerId) return Challenge();
        if (await jobs.JobMessagesAsync(seekerId, id, ct) is not { } found) return NotFound();
        (Job, Items) = found;
        return Page();
    }
}
