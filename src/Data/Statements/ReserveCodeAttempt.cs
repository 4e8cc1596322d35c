using Microsoft.EntityFrameworkCore;

namespace MyPage.Data;

// ワンタイムパスワードを照合する前に、このログインの一回分を数えて予約する（ReserveKeyAttempt と同じ考え方）。
// 返るのは、照合に要るコードのハッシュ（置き換えられた前のコードも）と、始めたときのパスワードのスタンプ
internal static class ReserveCodeAttempt
{
    public sealed record Reserved(int FailedAttempts, string SeekerId, string CodeHash, string? ReplacedCodeHashes, string? SecurityStamp);

    public static async Task<Reserved?> RunAsync(MyPageDb db, string id, DateTimeOffset now, int maxWrongEntries, CancellationToken ct = default)
    {
        var t = db.NamesOf<PendingLogin>();
        var failed = t[nameof(PendingLogin.FailedAttempts)];
        var rows = await db.Database.SqlQuery<Reserved>(db.Sql($"""
            UPDATE {t.Table} SET {failed} = {failed} + 1
            WHERE {t[nameof(PendingLogin.Id)]} = {id} AND {t[nameof(PendingLogin.UsedAt)]} IS NULL
              AND {t[nameof(PendingLogin.VoidedAt)]} IS NULL AND {t[nameof(PendingLogin.ExpiresAt)]} > {now}
              AND {failed} < {maxWrongEntries}
            RETURNING {failed} AS "FailedAttempts", {t[nameof(PendingLogin.SeekerId)]} AS "SeekerId", {t[nameof(PendingLogin.CodeHash)]} AS "CodeHash",
                      {t[nameof(PendingLogin.ReplacedCodeHashes)]} AS "ReplacedCodeHashes", {t[nameof(PendingLogin.SecurityStamp)]} AS "SecurityStamp"
            """)).ToListAsync(ct);
        return rows is [var reserved] ? reserved : null;
    }
}
