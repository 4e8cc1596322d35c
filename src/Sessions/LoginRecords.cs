using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Sessions;

// 「ログイン履歴」: どの方法で、いつ、どのブラウザから、どこから（最後を伏せたアドレス）
internal sealed class LoginRecords(MyPageDb db)
{
    public const int Shown = 20;

    // 見せる件数だけを残す: 古いものを消してから加える（呼び出し側のトランザクションの中で）
    public async Task AddAsync(Seeker seeker, DateTimeOffset at, string method, string browser, string client, CancellationToken ct = default)
    {
        var keep = db.LoginRecords.Where(r => r.SeekerId == seeker.Id).OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
            .Take(Shown - 1).Select(r => r.Id);
        await db.LoginRecords.Where(r => r.SeekerId == seeker.Id && !keep.Contains(r.Id)).ExecuteDeleteAsync(ct);
        db.LoginRecords.Add(new LoginRecord
        {
            SeekerId = seeker.Id,
            At = at,
            Method = method,
            Browser = browser,
            Client = client,
        });
    }

    public Task<List<LoginRecord>> LatestAsync(string seekerId, CancellationToken ct = default)
        => db.LoginRecords.AsNoTracking().Where(r => r.SeekerId == seekerId)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(Shown).ToListAsync(ct);
}
