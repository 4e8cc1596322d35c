using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Jobs;

// 求職者本人のものだけを読む問い合わせ（ホームと一覧の画面で同じ）。どれも SeekerId で絞る
// （URL の id を書き換えても、ほかの人のものは見えない）。新しい順
internal static class SeekerQueries
{
    public static IQueryable<JobRequest> RequestsOf(this MyPageDb db, string seekerId)
        => db.JobRequests.AsNoTracking().Where(r => r.SeekerId == seekerId).OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id);

    public static IQueryable<JobApplication> ApplicationsOf(this MyPageDb db, string seekerId)
        => db.JobApplications.AsNoTracking().Where(a => a.SeekerId == seekerId).OrderByDescending(a => a.AppliedAt).ThenByDescending(a => a.Id);

    public static IQueryable<SeekerMessage> MessagesOf(this MyPageDb db, string seekerId)
        => db.Messages.AsNoTracking().Where(m => m.SeekerId == seekerId).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id);

    public static Task<int> UnreadCountAsync(this MyPageDb db, string seekerId, CancellationToken ct)
        => db.Messages.CountAsync(m => m.SeekerId == seekerId && m.ReadAt == null, ct);

    public static Task<List<SavedSearch>> SavedSearchesOfAsync(this MyPageDb db, string seekerId, CancellationToken ct)
        => db.SavedSearches.AsNoTracking().Where(s => s.SeekerId == seekerId).OrderBy(s => s.Slot).ToListAsync(ct);
}
