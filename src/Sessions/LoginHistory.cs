using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Sessions;

// ログイン日時の記録。「前回のログイン日時」のために一つ前の値を残す。
// ID・パスワードでもマイナポータルからでも同じように記録する。
internal sealed class LoginHistory(MyPageDb db)
{
    // 同じ人の同時ログインでも取りこぼさないよう、一つの UPDATE でずらす
    public async Task RecordAsync(Seeker seeker, DateTimeOffset now, CancellationToken ct = default)
    {
        await db.Users.Where(s => s.Id == seeker.Id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.PreviousLoginAt, s => s.LastLoginAt)
            .SetProperty(s => s.LastLoginAt, now), ct);
        // 手元の値も合わせる。データベースにはもう書いたので、変更として残さない（残すと、後の保存がもう一度 UPDATE する）
        seeker.PreviousLoginAt = seeker.LastLoginAt;
        seeker.LastLoginAt = now;
        var entry = db.Entry(seeker);
        if (entry.State is EntityState.Unchanged or EntityState.Modified)
        {
            entry.Property(s => s.PreviousLoginAt).IsModified = false;
            entry.Property(s => s.LastLoginAt).IsModified = false;
        }
    }
}
