using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Account;

// ログイン試行の予約とロック。パスワードを照合する前に、一つの条件付き UPDATE で
// 試行を「失敗」として先に数える。並列の要求が何件来ても照合は最大5回で、ロックは一度だけ。
// (Identity の読み込み→書き込みの数え方では並列要求ですり抜けられる: CVE-2023-33170)
public sealed class LoginThrottleStore(MyPageDb db)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(30);

    // 失敗の間が24時間あけば、それまでの失敗は数えない（放っておかれた行を消せるように）
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(24);

    // Granted: 照合してよい。Failures: この試行を含めた連続失敗数。LockedUntil: ロック期限。
    public sealed record Reservation(bool Granted, int Failures, DateTimeOffset? LockedUntil)
    {
        public bool LocksOnFailure => Granted && Failures >= MaxFailures;
    }

    public async Task<Reservation> ReserveAsync(string loginId, DateTimeOffset now, CancellationToken ct = default)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var lockUntilMs = (now + LockDuration).ToUnixTimeMilliseconds();
        var forgetMs = (now - ForgetAfter).ToUnixTimeMilliseconds();

        await ExecuteAsync(
            "INSERT INTO LoginThrottles (LoginId, Failures, LockedUntil, UpdatedAt) VALUES ($id, 0, NULL, $now) ON CONFLICT (LoginId) DO NOTHING;",
            ct, ("$id", loginId), ("$now", nowMs));

        // ロック中は何も変えない（ロック中の失敗でロックは延びない）。
        // 期限切れのロックと、24時間前より古い失敗は数え直し。
        await using (var reserve = await CommandAsync("""
            UPDATE LoginThrottles
            SET Failures = CASE WHEN LockedUntil IS NOT NULL OR UpdatedAt <= $forget THEN 1 ELSE Failures + 1 END,
                LockedUntil = CASE WHEN (CASE WHEN LockedUntil IS NOT NULL OR UpdatedAt <= $forget THEN 1 ELSE Failures + 1 END) >= $max
                                   THEN $lockUntil ELSE NULL END,
                UpdatedAt = $now
            WHERE LoginId = $id AND (LockedUntil IS NULL OR LockedUntil <= $now)
            RETURNING Failures, LockedUntil;
            """, ct, ("$id", loginId), ("$max", MaxFailures), ("$lockUntil", lockUntilMs), ("$now", nowMs), ("$forget", forgetMs)))
        await using (var reader = await reserve.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                var failures = reader.GetInt32(0);
                DateTimeOffset? until = reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
                return new Reservation(true, failures, until);
            }
        }

        var lockedUntil = await db.LoginThrottles.AsNoTracking()
            .Where(t => t.LoginId == loginId).Select(t => t.LockedUntil).SingleAsync(ct);
        return new Reservation(false, MaxFailures,
            lockedUntil is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }

    // ログイン成功、スタッフによるロック解除、パスワード再登録で数え直す
    public Task<int> ClearAsync(string loginId, CancellationToken ct = default)
        => db.LoginThrottles.Where(t => t.LoginId == loginId).ExecuteDeleteAsync(ct);

    // 後片付け: ロック中でなく、24時間何もない行を消す（存在しないIDの行がたまり続けないように）
    public Task<int> PurgeAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var forgetMs = (now - ForgetAfter).ToUnixTimeMilliseconds();
        return db.LoginThrottles
            .Where(t => t.UpdatedAt <= forgetMs && (t.LockedUntil == null || t.LockedUntil <= nowMs))
            .ExecuteDeleteAsync(ct);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = await CommandAsync(sql, ct, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        return command;
    }
}
