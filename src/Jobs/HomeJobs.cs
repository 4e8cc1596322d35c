using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Jobs;

// ホームに並べるもの一式
internal sealed record HomeSummary(
    JobRequest? NewestRequest,
    int RequestCount,
    List<JobApplication> Applications,
    int UnreadCount,
    SavedSearch?[] SavedSearches,
    Office? Office);

// S5「求職者マイページホーム」の中身: 新しいリクエスト求人、応募中の求人、未読の数、保存した条件の枠、管轄のハローワーク
internal sealed class HomeJobs(MyPageDb db)
{
    public const int ApplicationsOnHome = 3;
    public const int SavedSearchSlots = 3;

    public async Task<HomeSummary> SummaryAsync(Seeker seeker, CancellationToken ct = default)
    {
        var requests = db.RequestsOf(seeker.Id);
        var requestCount = await requests.CountAsync(ct);
        var newest = await requests.Include(r => r.Job).FirstOrDefaultAsync(ct);
        var applications = await db.ApplicationsOf(seeker.Id).Include(a => a.Job).Take(ApplicationsOnHome).ToListAsync(ct);
        var unread = await db.UnreadCountAsync(seeker.Id, ct);
        var slots = new SavedSearch?[SavedSearchSlots];
        foreach (var saved in await db.SavedSearchesOfAsync(seeker.Id, ct)) slots[saved.Slot - 1] = saved;
        var office = seeker.OfficeName is { } name ? await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Name == name, ct) : null;
        return new(newest, requestCount, applications, unread, slots, office);
    }
}
