using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Jobs;

// 「応募中の求人を全て表示」: 本人の応募、新しい順に一ページずつ
internal sealed class AppliedJobs(MyPageDb db)
{
    public Task<ListPage<JobApplication>> PageAsync(string seekerId, int? page, CancellationToken ct = default)
        => ListPage.OfAsync(db.ApplicationsOf(seekerId).Include(a => a.Job), page, ct);
}
