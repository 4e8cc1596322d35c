using Microsoft.EntityFrameworkCore;

namespace MyPage.Data;

// 人の確認の記録 (UsedBotChallenges) を一つの文で変える三つ。どれも、同時に二つ送られても一方だけが通る
internal static class UsedChallenges
{
    // 使った答えを入れる。先に入れた要求だけが true
    public static async Task<bool> InsertIfAbsentAsync(MyPageDb db, string challenge, string clientTag, DateTimeOffset expires, DateTimeOffset used, CancellationToken ct = default)
    {
        var t = db.NamesOf<UsedBotChallenge>();
        var inserted = await db.Database.ExecuteSqlAsync(db.Sql($"""
            INSERT INTO {t.Table} ({t[nameof(UsedBotChallenge.Challenge)]}, {t[nameof(UsedBotChallenge.ExpiresAt)]}, {t[nameof(UsedBotChallenge.ClientTag)]}, {t[nameof(UsedBotChallenge.UsedAt)]})
            VALUES ({challenge}, {expires}, {clientTag}, {used})
            ON CONFLICT ({t[nameof(UsedBotChallenge.Challenge)]}) DO NOTHING
            """), ct);
        return inserted == 1;
    }

    // 待つ確認: 接続元ごとに一行（key）。出した時刻 (issued) と期限を入れ、あれば置き換える
    public static Task<int> PutOutstandingAsync(MyPageDb db, string key, DateTimeOffset issued, DateTimeOffset expires, CancellationToken ct = default)
    {
        var t = db.NamesOf<UsedBotChallenge>();
        var (expiresAt, usedAt) = (t[nameof(UsedBotChallenge.ExpiresAt)], t[nameof(UsedBotChallenge.UsedAt)]);
        return db.Database.ExecuteSqlAsync(db.Sql($"""
            INSERT INTO {t.Table} ({t[nameof(UsedBotChallenge.Challenge)]}, {expiresAt}, {t[nameof(UsedBotChallenge.ClientTag)]}, {usedAt})
            VALUES ({key}, {expires}, {""}, {issued})
            ON CONFLICT ({t[nameof(UsedBotChallenge.Challenge)]}) DO UPDATE SET {expiresAt} = excluded.{expiresAt}, {usedAt} = excluded.{usedAt}
            """), ct);
    }

    // 待つ確認を一度だけ使う: いま出ている（issued が同じ）行を消せた要求だけが true
    public static async Task<bool> TakeOutstandingAsync(MyPageDb db, string key, DateTimeOffset issued, CancellationToken ct = default)
    {
        var t = db.NamesOf<UsedBotChallenge>();
        var deleted = await db.Database.ExecuteSqlAsync(db.Sql($"""
            DELETE FROM {t.Table} WHERE {t[nameof(UsedBotChallenge.Challenge)]} = {key} AND {t[nameof(UsedBotChallenge.UsedAt)]} = {issued}
            """), ct);
        return deleted == 1;
    }
}
