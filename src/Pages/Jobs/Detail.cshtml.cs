using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Jobs;
using MyPage.Time;

namespace MyPage.Pages.Jobs;

// 求人の「詳細を表示」。求人票は求職者みなに公開されている情報。
public class DetailModel(SeekerJobs jobs, TimeProvider time) : PageModel
{
    public JobPosting Job { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await jobs.JobAsync(id, ct) is not { } job) return NotFound();
        Job = job;
        Today = JapanTime.Today(time);
        return Page();
    }
}
