using Microsoft.EntityFrameworkCore;

namespace MyPage.Data;

// 認証キー（パスワード再登録）を照合する前に、一回分を数えて予約する。使える申込み（未使用、無効でない、期限内、
// 誤りが上限未満）のときだけ一行が返る。数えるのと確かめるのが一つの文なので、並列に送られても照合は上限の回数まで
internal static class ReserveKeyAttempt
{
    public sealed record Reserved(int FailedAttempts, string? SeekerId, string KeyHash);

    public static async Task<Reserved?> RunAsync(MyPageDb db, string id, DateTimeOffset now, int maxWrongKeys, CancellationToken ct = default)
    {
        var t = db.NamesOf<PasswordResetRequest>();
        var failed = t[nameof(PasswordResetRequest.FailedAttempts)];
        var rows = await db.Database.SqlQuery<Reserved>(db.Sql($"""
            UPDATE {t.Table} SET {failed} = {failed} + 1
            WHERE {t[nameof(PasswordResetRequest.Id)]} = {id} AND {t[nameof(PasswordResetRequest.UsedAt)]} IS NULL
              AND {t[nameof(PasswordResetRequest.VoidedAt)]} IS NULL AND {t[nameof(PasswordResetRequest.ExpiresAt)]} > {now}
              AND {failed} < {maxWrongKeys}
            RETURNING {failed} AS "FailedAttempts", {t[nameof(PasswordResetRequest.SeekerId)]} AS "SeekerId", {t[nameof(PasswordResetRequest.KeyHash)]} AS "KeyHash"
            """)).ToListAsync(ct);
        return rows is [var reserved] ? reserved : null;
    }
}
