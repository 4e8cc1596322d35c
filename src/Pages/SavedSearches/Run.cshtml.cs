using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Jobs;
using MyPage.Pages.Shared;
using MyPage.Time;

namespace MyPage.Pages.SavedSearches;

// 保存した求人検索条件の「検索」: その条件で有効な求人を探して並べる
internal class RunModel(CurrentSeeker current, JobSearches searches, TimeProvider time) : PageModel
{
    public SavedSearch Condition { get; private set; } = null!;
    public ListPage<JobPosting> Results { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int slot, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (current.Id is not { } seekerId) return Challenge();
        Today = JapanTime.Today(time);
        if (await searches.RunAsync(seekerId, slot, Today, pageNumber, ct) is not { } found) return NotFound();
        (Condition, Results) = found;
        return Page();
    }
}
