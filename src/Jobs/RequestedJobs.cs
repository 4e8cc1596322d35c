using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Jobs;

// 「求人者からのリクエスト求人を全て表示」: 本人へのリクエスト求人、新しい順に一ページずつ
internal sealed class RequestedJobs(MyPageDb db)
{
    public Task<ListPage<JobRequest>> PageAsync(string seekerId, int? page, CancellationToken ct = default)
        => ListPage.OfAsync(db.RequestsOf(seekerId).Include(r => r.Job), page, ct);
}
