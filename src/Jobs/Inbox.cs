using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Jobs;

// 「メッセージ」: 本人あてのメッセージの一覧、一件を開く、一つの求人についてのもの。本人あてでなければ null（画面は 404）
internal sealed class Inbox(MyPageDb db, VisibleJobs jobs)
{
    public Task<ListPage<SeekerMessage>> PageAsync(string seekerId, int? page, CancellationToken ct = default)
        => ListPage.OfAsync(db.MessagesOf(seekerId).Include(m => m.Job), page, ct);

    public Task<int> UnreadCountAsync(string seekerId, CancellationToken ct = default) => db.UnreadCountAsync(seekerId, ct);

    // 本人のメッセージだけを開き、未読なら既読にする
    public async Task<SeekerMessage?> OpenAsync(string seekerId, int id, DateTimeOffset now, CancellationToken ct = default)
    {
        var message = await db.Messages.Include(m => m.Job).SingleOrDefaultAsync(m => m.Id == id && m.SeekerId == seekerId, ct);
        if (message is { ReadAt: null })
        {
            message.ReadAt = now;
            await db.SaveChangesAsync(ct);
        }
        return message;
    }

    // 「この求人に関するメッセージを表示」: 本人あてのうち、その求人についてのもの（求人票は見てよいものだけ）
    public async Task<(JobView Job, List<SeekerMessage> Messages)?> ForJobAsync(string seekerId, int jobId, DateOnly today, CancellationToken ct = default)
    {
        if (await jobs.JobAsync(seekerId, jobId, today, ct) is not { } job) return null;
        return (job, await db.MessagesOf(seekerId).Include(m => m.Job).Where(m => m.JobPostingId == jobId).ToListAsync(ct));
    }
}
