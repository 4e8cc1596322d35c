using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MyPage.Data;
using MyPage.Jobs;

namespace MyPage.Pages.Messages;

// 「この求人に関するメッセージを表示」: 本人あてのうち、その求人についてのもの
public class JobModel(UserManager<Seeker> users, SeekerJobs jobs, MyPageDb db) : PageModel
{
    public JobPosting Job { get; private set; } = null!;
    public List<SeekerMessage> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (users.GetUserId(User) is not { } seekerId) return Challenge();
        if (await db.JobPostings.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct) is not { } job) return NotFound();
        Job = job;
        Items = await jobs.Messages(seekerId).Include(m => m.Job).Where(m => m.JobPostingId == id).ToListAsync(ct);
        return Page();
    }
}
