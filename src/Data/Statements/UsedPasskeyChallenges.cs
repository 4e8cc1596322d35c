using Microsoft.EntityFrameworkCore;

namespace MyPage.Data;

// パスキーの問題を使った印を一つの文で入れる。同じ問題の答えが同時に二つ送られても、先に入れた要求だけが true
internal static class UsedPasskeyChallenges
{
    public static async Task<bool> InsertIfAbsentAsync(MyPageDb db, string challenge, DateTimeOffset expires, CancellationToken ct = default)
    {
        var t = db.NamesOf<UsedPasskeyChallenge>();
        var inserted = await db.Database.ExecuteSqlAsync(db.Sql($"""
            INSERT INTO {t.Table} ({t[nameof(UsedPasskeyChallenge.Challenge)]}, {t[nameof(UsedPasskeyChallenge.ExpiresAt)]})
            VALUES ({challenge}, {expires})
            ON CONFLICT ({t[nameof(UsedPasskeyChallenge.Challenge)]}) DO NOTHING
            """), ct);
        return inserted == 1;
    }
}
