using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Jobs;

// 見せてよい求人票。Related: 本人にかかわる求人（リクエスト、応募、メッセージ）なら、公開範囲 2 でも事業所名まで見せる。
// 事業所名を見せるかは求人から決まり、画面が覚えておくことではない
internal sealed record JobView(JobPosting Job, bool Related)
{
    public bool ShowsCompany => Related || Job.ShowsCompany;
}

// 求人票を見てよいか（「詳細を表示」と「この求人に関するメッセージを表示」で同じ）
internal sealed class VisibleJobs(MyPageDb db)
{
    // 公開中（公開範囲 1・2）で紹介期限内の求人は、ログインした求職者みなが見られる。
    // 本人にかかわる求人（リクエスト、応募、メッセージ）は、期限切れや非公開でも本人だけは見られる（事業所名も）。
    // ほかは、あるかどうかも言わずに null（画面は 404）。
    public async Task<JobView?> JobAsync(string seekerId, int id, DateOnly today, CancellationToken ct = default)
    {
        if (await db.JobPostings.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct) is not { } job) return null;
        if (await RelatedAsync(seekerId, id, ct)) return new(job, Related: true);
        return job.IsPublishedAndOpen(today) ? new(job, Related: false) : null;
    }

    private async Task<bool> RelatedAsync(string seekerId, int jobId, CancellationToken ct)
        => await db.JobRequests.AnyAsync(r => r.SeekerId == seekerId && r.JobPostingId == jobId, ct)
            || await db.JobApplications.AnyAsync(a => a.SeekerId == seekerId && a.JobPostingId == jobId, ct)
            || await db.Messages.AnyAsync(m => m.SeekerId == seekerId && m.JobPostingId == jobId, ct);
}
