using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Jobs;

// 「求人検索」: 本人の保存した求人検索条件と、その条件での検索
internal sealed class JobSearches(MyPageDb db)
{
    public Task<List<SavedSearch>> SavedAsync(string seekerId, CancellationToken ct = default) => db.SavedSearchesOfAsync(seekerId, ct);

    // 保存した条件 slot で、有効な求人を探す。本人の条件がなければ null。
    public async Task<(SavedSearch Condition, ListPage<JobPosting> Results)?> RunAsync(string seekerId, int slot, DateOnly today, int? page, CancellationToken ct = default)
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
        return (condition, await ListPage.OfAsync(query.OrderByDescending(j => j.ReceivedOn).ThenBy(j => j.Id), page, ct));
    }
}
