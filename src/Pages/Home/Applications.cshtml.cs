using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Jobs;

namespace MyPage.Pages.Home;

// 「応募中の求人を全て表示」
public class ApplicationsModel(UserManager<Seeker> users, SeekerJobs jobs) : PageModel
{
    public List<JobApplication> Items { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.For(1, SeekerJobs.PageSize, 0);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (users.GetUserId(User) is not { } seekerId) return Challenge();
        (Items, Paging) = await jobs.PageAsync(jobs.Applications(seekerId).Include(a => a.Job), pageNumber, ct);
        return Page();
    }
}
