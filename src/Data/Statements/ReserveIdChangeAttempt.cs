using Microsoft.EntityFrameworkCore;

namespace MyPage.Data;

// ID(メールアドレス)の変更の認証キーを照合する前に、一回分を数えて予約する（ReserveKeyAttempt と同じ考え方）。使える申込み
// （この求職者のもの、未使用、無効でない、期限内、誤りが上限未満）のときだけ一行が返る。並列に送られても照合は上限の回数まで
internal static class ReserveIdChangeAttempt
{
    public sealed record Reserved(int FailedAttempts, string NewEmail, string KeyHash, bool KeySent);

    public static async Task<Reserved?> RunAsync(MyPageDb db, string id, string seekerId, DateTimeOffset now, int maxWrongKeys, CancellationToken ct = default)
    {
        var t = db.NamesOf<IdChangeRequest>();
        var failed = t[nameof(IdChangeRequest.FailedAttempts)];
        var rows = await db.Database.SqlQuery<Reserved>(db.Sql($"""
            UPDATE {t.Table} SET {failed} = {failed} + 1
            WHERE {t[nameof(IdChangeRequest.Id)]} = {id} AND {t[nameof(IdChangeRequest.SeekerId)]} = {seekerId}
              AND {t[nameof(IdChangeRequest.UsedAt)]} IS NULL AND {t[nameof(IdChangeRequest.VoidedAt)]} IS NULL
              AND {t[nameof(IdChangeRequest.ExpiresAt)]} > {now} AND {failed} < {maxWrongKeys}
            RETURNING {failed} AS "FailedAttempts", {t[nameof(IdChangeRequest.NewEmail)]} AS "NewEmail",
                      {t[nameof(IdChangeRequest.KeyHash)]} AS "KeyHash", {t[nameof(IdChangeRequest.KeySent)]} AS "KeySent"
            """)).ToListAsync(ct);
        return rows is [var reserved] ? reserved : null;
    }
}
