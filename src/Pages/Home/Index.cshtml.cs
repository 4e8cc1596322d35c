using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyPage.Data;
using MyPage.Jobs;
using MyPage.Time;

namespace MyPage.Pages.Home;

// S5「求職者マイページホーム」（マニュアルの画面のとおり）
public class IndexModel(UserManager<Seeker> users, SeekerJobs jobs, MyPageDb db, IOptions<HomeLinks> links, TimeProvider time) : PageModel
{
    public Seeker Seeker { get; private set; } = null!;
    public JobRequest? NewestRequest { get; private set; }
    public int RequestCount { get; private set; }
    public List<JobApplication> Applications { get; private set; } = [];
    public int ApplicationCount { get; private set; }
    public int UnreadCount { get; private set; }
    public SavedSearch?[] SavedSearches { get; } = new SavedSearch?[3];
    public Office? Office { get; private set; }
    public string? SeekerNumberQr { get; private set; }
    public DateOnly Today { get; private set; }
    public HomeLinks Links => links.Value;

    public const int ApplicationsShown = 3;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } seeker) return Challenge();
        Seeker = seeker;
        Today = JapanTime.Today(time);
        var requests = jobs.Requests(seeker.Id);
        RequestCount = await requests.CountAsync(ct);
        NewestRequest = await requests.Include(r => r.Job).FirstOrDefaultAsync(ct);
        var applications = jobs.Applications(seeker.Id);
        ApplicationCount = await applications.CountAsync(ct);
        Applications = await applications.Include(a => a.Job).Take(ApplicationsShown).ToListAsync(ct);
        UnreadCount = await jobs.UnreadCountAsync(seeker.Id, ct);
        foreach (var saved in await jobs.SavedSearchesAsync(seeker.Id, ct)) SavedSearches[saved.Slot - 1] = saved;
        if (seeker.OfficeName is { } office) Office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Name == office, ct);
        if (seeker.SeekerNumber is { } number) SeekerNumberQr = QrSvg.Render(number, $"求職番号 {number} の2次元バーコード");
        return Page();
    }
}

// ホームから外へのリンク（MyPage:Links）
public sealed class HomeLinks
{
    public string TrainingSearch { get; set; } = "https://www.hellowork.mhlw.go.jp/";
    public string EventSearch { get; set; } = "https://www.hellowork.mhlw.go.jp/";
}
