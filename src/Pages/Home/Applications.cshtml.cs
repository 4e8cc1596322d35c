using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Jobs;
using MyPage.Pages.Shared;

namespace MyPage.Pages.Home;

// 「応募中の求人を全て表示」
internal class ApplicationsModel(CurrentSeeker current, AppliedJobs applications) : PageModel
{
    public ListPage<JobApplication> List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (current.Id is not { } seekerId) return Challenge();
        List = await applications.PageAsync(seekerId, pageNumber, ct);
        return Page();
    }
}
