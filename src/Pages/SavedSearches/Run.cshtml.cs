using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Jobs;
using MyPage.Time;

namespace MyPage.Pages.SavedSearches;

// 保存した求人検索条件の「検索」: その条件で有効な求人を探して並べる
public class RunModel(UserManager<Seeker> users, SeekerJobs jobs, TimeProvider time) : PageModel
{
    public SavedSearch Condition { get; private set; } = null!;
    public List<JobPosting> Items { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.For(1, SeekerJobs.PageSize, 0);
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int slot, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (users.GetUserId(User) is not { } seekerId) return Challenge();
        var saved = (await jobs.SavedSearchesAsync(seekerId, ct)).SingleOrDefault(s => s.Slot == slot);
        if (saved is null) return NotFound();
        Condition = saved;
        Today = JapanTime.Today(time);
        (Items, Paging) = await jobs.PageAsync(jobs.Search(saved, Today), pageNumber, ct);
        return Page();
    }
}
