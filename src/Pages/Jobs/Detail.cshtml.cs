using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Jobs;
using MyPage.Pages.Shared;
using MyPage.Time;

namespace MyPage.Pages.Jobs;

// 求人の「詳細を表示」。見られる求人は公開範囲と紹介期限日で決まる（VisibleJobs.JobAsync）。
internal class DetailModel(CurrentSeeker current, VisibleJobs jobs, TimeProvider time) : PageModel
{
    public JobPosting Job { get; private set; } = null!;
    public bool Related { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (current.Id is not { } seekerId) return Challenge();
        Today = JapanTime.Today(time);
        if (await jobs.JobAsync(seekerId, id, Today, ct) is not { } view) return NotFound();
        (Job, Related) = (view.Job, view.Related);
        return Page();
    }
}
