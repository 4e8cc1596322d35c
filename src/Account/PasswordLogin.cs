using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using MyPage.Data;
using MyPage.Sessions;

namespace MyPage.Account;

public enum LoginOutcome { Succeeded, Failed, Locked }

public sealed record LoginResult(LoginOutcome Outcome, DateTimeOffset? LockedUntil = null, Seeker? Seeker = null);

// 「求職者マイページログイン」画面の ID・パスワードでのログイン。
public sealed class PasswordLogin(
    UserManager<Seeker> users,
    LoginThrottleStore throttle,
    SessionStarter sessions,
    TimeProvider time,
    ILogger<PasswordLogin> log)
{
    // 存在しないIDでも同じ重さの照合をするための捨てハッシュ（応答時間でIDの有無がわからないように）
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<Seeker>().HashPassword(new Seeker(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public async Task<LoginResult> LoginAsync(string rawId, string password, string? clientAddress, CancellationToken ct = default)
    {
        var loginId = LoginId.Normalize(rawId);
        var now = time.GetUtcNow();
        var idTag = LoginId.Tag(loginId);

        var reservation = await throttle.ReserveAsync(loginId, now, ct);
        if (!reservation.Granted)
        {
            log.LogWarning("ログイン拒否（ロック中） id={IdTag} client={Client} at={At:o}", idTag, clientAddress, now);
            return new LoginResult(LoginOutcome.Locked, reservation.LockedUntil);
        }

        var seeker = await users.FindByNameAsync(loginId);
        if (!await VerifyAsync(seeker, password))
        {
            log.LogWarning("ログイン失敗 id={IdTag} failures={Failures} client={Client} at={At:o}",
                idTag, reservation.Failures, clientAddress, now);
            if (!reservation.LocksOnFailure) return new LoginResult(LoginOutcome.Failed);
            log.LogWarning("アカウントロック id={IdTag} until={Until:o} client={Client} at={At:o}",
                idTag, reservation.LockedUntil, clientAddress, now);
            return new LoginResult(LoginOutcome.Locked, reservation.LockedUntil);
        }

        await throttle.ClearAsync(loginId, ct);
        await sessions.StartAsync(seeker!, "pwd", now, ct);
        log.LogInformation("ログイン成功 seeker={SeekerId} client={Client} at={At:o}", seeker!.Id, clientAddress, now);
        return new LoginResult(LoginOutcome.Succeeded, Seeker: seeker);
    }

    private async Task<bool> VerifyAsync(Seeker? seeker, string password)
    {
        if (seeker?.PasswordHash is not { } hash)
        {
            // アカウント列挙の防止: 存在しないIDでも同じ照合をしてから失敗にする
            users.PasswordHasher.VerifyHashedPassword(new Seeker(), DummyHash.Value, password);
            return false;
        }
        var result = users.PasswordHasher.VerifyHashedPassword(seeker, hash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            seeker.PasswordHash = users.PasswordHasher.HashPassword(seeker, password);
            await users.UpdateAsync(seeker);
        }
        return result != PasswordVerificationResult.Failed;
    }
}
