using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Jobs;
using MyPage.Time;

namespace MyPage.Pages.Home;

// 「求人者からのリクエスト求人を全て表示」
public class RequestsModel(UserManager<Seeker> users, SeekerJobs jobs, TimeProvider time) : PageModel
{
    public List<JobRequest> Items { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.For(1, SeekerJobs.PageSize, 0);
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (users.GetUserId(User) is not { } seekerId) return Challenge();
        Today = JapanTime.Today(time);
        (Items, Paging) = await jobs.PageAsync(jobs.Requests(seekerId).Include(r => r.Job), pageNumber, ct);
        return Page();
    }
}
