using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Jobs;

// 求職者本人のリクエスト求人・応募・メッセージ・保存した条件。どの問い合わせも SeekerId で絞る
// （URL の id を書き換えても、ほかの人のものは見えない）。
public sealed class SeekerJobs(MyPageDb db)
{
    public const int PageSize = 10;

    public IQueryable<JobRequest> Requests(string seekerId)
        => db.JobRequests.AsNoTracking().Where(r => r.SeekerId == seekerId).OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id);

    public IQueryable<JobApplication> Applications(string seekerId)
        => db.JobApplications.AsNoTracking().Where(a => a.SeekerId == seekerId).OrderByDescending(a => a.AppliedAt).ThenByDescending(a => a.Id);

    public IQueryable<SeekerMessage> Messages(string seekerId)
        => db.Messages.AsNoTracking().Where(m => m.SeekerId == seekerId).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id);

    public Task<int> UnreadCountAsync(string seekerId, CancellationToken ct = default)
        => db.Messages.CountAsync(m => m.SeekerId == seekerId && m.ReadAt == null, ct);

    public Task<List<SavedSearch>> SavedSearchesAsync(string seekerId, CancellationToken ct = default)
        => db.SavedSearches.AsNoTracking().Where(s => s.SeekerId == seekerId).OrderBy(s => s.Slot).ToListAsync(ct);

    public async Task<(List<T> Items, Paging Paging)> PageAsync<T>(IQueryable<T> query, int? page, CancellationToken ct = default)
    {
        var paging = Paging.For(page, PageSize, await query.CountAsync(ct));
        return (await query.Skip(paging.Skip).Take(PageSize).ToListAsync(ct), paging);
    }

    // 本人のメッセージだけを開き、未読なら既読にする
    public async Task<SeekerMessage?> OpenMessageAsync(string seekerId, int id, long nowMs, CancellationToken ct = default)
    {
        var message = await db.Messages.Include(m => m.Job).SingleOrDefaultAsync(m => m.Id == id && m.SeekerId == seekerId, ct);
        if (message is { ReadAt: null })
        {
            message.ReadAt = nowMs;
            await db.SaveChangesAsync(ct);
        }
        return message;
    }

    // 保存した条件で、有効な求人を探す
    public IQueryable<JobPosting> Search(SavedSearch condition, DateOnly today)
    {
        var query = db.JobPostings.AsNoTracking().Where(j => j.ReferralDeadline >= today);
        if (!string.IsNullOrWhiteSpace(condition.Keyword))
        {
            var k = condition.Keyword.Trim();
            query = query.Where(j => j.Occupation.Contains(k) || j.Description.Contains(k) || j.CompanyName.Contains(k) || j.Tags.Contains(k));
        }
        if (!string.IsNullOrWhiteSpace(condition.Category)) query = query.Where(j => j.Category == condition.Category);
        if (!string.IsNullOrWhiteSpace(condition.Workplace)) query = query.Where(j => j.Workplace.Contains(condition.Workplace));
        return query.OrderByDescending(j => j.ReceivedOn).ThenBy(j => j.Id);
    }
}
