using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Jobs;
using MyPage.Pages.Shared;
using MyPage.Time;

namespace MyPage.Pages.Home;

// 「求人者からのリクエスト求人を全て表示」
internal class RequestsModel(CurrentSeeker current, RequestedJobs requests, TimeProvider time) : PageModel
{
    public ListPage<JobRequest> List { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (current.Id is not { } seekerId) return Challenge();
        Today = JapanTime.Today(time);
        List = await requests.PageAsync(seekerId, pageNumber, ct);
        return Page();
    }
}
