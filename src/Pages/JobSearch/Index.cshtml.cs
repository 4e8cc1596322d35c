using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;
using MyPage.Jobs;
using MyPage.Pages.Shared;

namespace MyPage.Pages.JobSearch;

// 「求人検索」: いまは保存した求人検索条件での検索だけ
internal class IndexModel(CurrentSeeker current, JobSearches searches) : PageModel
{
    public List<SavedSearch> Saved { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.Id is not { } seekerId) return Challenge();
        Saved = await searches.SavedAsync(seekerId, ct);
        return Page();
    }
}
