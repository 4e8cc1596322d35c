using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Jobs;

// 一覧の一ページ分
public sealed record ListPage<T>(List<T> Items, Paging Paging);

// 見せてよい求人票。Related: 本人にかかわる求人（リクエスト、応募、メッセージ）なら、公開範囲 2 でも事業所名まで見せる。
// 事業所名を見せるかは求人から決まり、画面が覚えておくことではない
public sealed record JobView(JobPosting Job, bool Related)
{
    public bool ShowsCompany => Related || Job.ShowsCompany;
}

// ホームに並べるもの一式
public sealed record HomeSummary(
    JobRequest? NewestRequest,
    int RequestCount,
    List<JobApplication> Applications,
    int UnreadCount,
    SavedSearch?[] SavedSearches,
    Office? Office);

// 求職者本人のリクエスト求人・応募・メッセージ・保存した条件。どの問い合わせも SeekerId で絞る
// （URL の id を書き換えても、ほかの人のものは見えない）。求人票は公開範囲と紹介期限日に従う（JobAsync）。
// 画面には出来上がった結果だけを返す（問い合わせを画面で組み立てさせない）。
public sealed class SeekerJobs(MyPageDb db)
{
    public const int PageSize = 10;
    public const int ApplicationsOnHome = 3;
    public const int SavedSearchSlots = 3;

    public async Task<HomeSummary> HomeAsync(Seeker seeker, CancellationToken ct = default)
    {
        var requests = Requests(seeker.Id);
        var requestCount = await requests.CountAsync(ct);
        var newest = await requests.Include(r => r.Job).FirstOrDefaultAsync(ct);
        var applications = await Applications(seeker.Id).Include(a => a.Job).Take(ApplicationsOnHome).ToListAsync(ct);
        var unread = await UnreadCountAsync(seeker.Id, ct);
        var slots = new SavedSearch?[SavedSearchSlots];
        foreach (var saved in await SavedSearchesAsync(seeker.Id, ct)) slots[saved.Slot - 1] = saved;
        var office = seeker.OfficeName is { } name ? await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Name == name, ct) : null;
        return new(newest, requestCount, applications, unread, slots, office);
    }

    public Task<ListPage<JobRequest>> RequestsAsync(string seekerId, int? page, CancellationToken ct = default)
        => PageAsync(Requests(seekerId).Include(r => r.Job), page, ct);

    public Task<ListPage<JobApplication>> ApplicationsAsync(string seekerId, int? page, CancellationToken ct = default)
        => PageAsync(Applications(seekerId).Include(a => a.Job), page, ct);

    public Task<ListPage<SeekerMessage>> MessagesAsync(string seekerId, int? page, CancellationToken ct = default)
        => PageAsync(Messages(seekerId).Include(m => m.Job), page, ct);

    public Task<int> UnreadCountAsync(string seekerId, CancellationToken ct = default)
        => db.Messages.CountAsync(m => m.SeekerId == seekerId && m.ReadAt == null, ct);

    public Task<List<SavedSearch>> SavedSearchesAsync(string seekerId, CancellationToken ct = default)
        => db.SavedSearches.AsNoTracking().Where(s => s.SeekerId == seekerId).OrderBy(s => s.Slot).ToListAsync(ct);

    // 求人票を見てよいか: 公開中（公開範囲 1・2）で紹介期限内の求人は、ログインした求職者みなが見られる。
    // 本人にかかわる求人（リクエスト、応募、メッセージ）は、期限切れや非公開でも本人だけは見られる（事業所名も）。
    // ほかは、あるかどうかも言わずに null（画面は 404）。
    public async Task<JobView?> JobAsync(string seekerId, int id, DateOnly today, CancellationToken ct = default)
    {
        if (await db.JobPostings.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct) is not { } job) return null;
        if (await RelatedAsync(seekerId, id, ct)) return new(job, Related: true);
        return job.IsPublishedAndOpen(today) ? new(job, Related: false) : null;
    }

    // 「この求人に関するメッセージを表示」: 本人あてのうち、その求人についてのもの
    public async Task<(JobView Job, List<SeekerMessage> Messages)?> JobMessagesAsync(string seekerId, int jobId, DateOnly today, CancellationToken ct = default)
    {
        if (await JobAsync(seekerId, jobId, today, ct) is not { } job) return null;
        return (job, await Messages(seekerId).Include(m => m.Job).Where(m => m.JobPostingId == jobId).ToListAsync(ct));
    }

    private async Task<bool> RelatedAsync(string seekerId, int jobId, CancellationToken ct)
        => await db.JobRequests.AnyAsync(r => r.SeekerId == seekerId && r.JobPostingId == jobId, ct)
            || await db.JobApplications.AnyAsync(a => a.SeekerId == seekerId && a.JobPostingId == jobId, ct)
            || await db.Messages.AnyAsync(m => m.SeekerId == seekerId && m.JobPostingId == jobId, ct);

    // 本人のメッセージだけを開き、未読なら既読にする
    public async Task<SeekerMessage?> OpenMessageAsync(string seekerId, int id, DateTimeOffset now, CancellationToken ct = default)
    {
        var message = await db.Messages.Include(m => m.Job).SingleOrDefaultAsync(m => m.Id == id && m.SeekerId == seekerId, ct);
        if (message is { ReadAt: null })
        {
            message.ReadAt = now;
            await db.SaveChangesAsync(ct);
        }
        return message;
    }

    // 保存した条件 slot で、有効な求人を探す。本人の条件がなければ null。
    public async Task<(SavedSearch Condition, ListPage<JobPosting> Results)?> SearchAsync(string seekerId, int slot, DateOnly today, int? page, CancellationToken ct = default)
    {
        var condition = await db.SavedSearches.AsNoTracking().SingleOrDefaultAsync(s => s.SeekerId == seekerId && s.Slot == slot, ct);
        if (condition is null) return null;
        var query = db.JobPostings.AsNoTracking().Where(JobPosting.PublishedAndOpen(today));
        if (!string.IsNullOrWhiteSpace(condition.Keyword))
        {
            var k = condition.Keyword.Trim();
            // 事業所名で探せるのは、事業所名を公開している求人だけ（公開範囲 2 の求人を、事業所名で当てられないように）
            query = query.Where(j => j.Occupation.Contains(k) || j.Description.Contains(k) || j.Tags.Contains(k)
                || (j.CompanyName.Contains(k) && j.PublicationScope.StartsWith(JobPosting.PublishedWithCompany)));
        }
        if (!string.IsNullOrWhiteSpace(condition.Category)) query = query.Where(j => j.Category == condition.Category);
        if (!string.IsNullOrWhiteSpace(condition.Workplace)) query = query.Where(j => j.Workplace.Contains(condition.Workplace));
        return (condition, await PageAsync(query.OrderByDescending(j => j.ReceivedOn).ThenBy(j => j.Id), page, ct));
    }

    private IQueryable<JobRequest> Requests(string seekerId)
        => db.JobRequests.AsNoTracking().Where(r => r.SeekerId == seekerId).OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id);

    private IQueryable<JobApplication> Applications(string seekerId)
        => db.JobApplications.AsNoTracking().Where(a => a.SeekerId == seekerId).OrderByDescending(a => a.AppliedAt).ThenByDescending(a => a.Id);

    private IQueryable<SeekerMessage> Messages(string seekerId)
        => db.Messages.AsNoTracking().Where(m => m.SeekerId == seekerId).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id);

    private static async Task<ListPage<T>> PageAsync<T>(IQueryable<T> query, int? page, CancellationToken ct)
    {
        var paging = Paging.For(page, PageSize, await query.CountAsync(ct));
        return new(await query.Skip(paging.Skip).Take(PageSize).ToListAsync(ct), paging);
    }
}
