using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using MyPage.Data;

namespace MyPage.Tests.Infrastructure;

// 本物の PasswordHasher に照合の回数を数えさせる（ロックの予約が照合より先に効くことを確かめるため）
public sealed class CountingPasswordHasher(CountingPasswordHasher.Counter counter) : IPasswordHasher<Seeker>
{
    private static readonly ConcurrentDictionary<MyPageApp, int[]> Counts = new();
    private readonly PasswordHasher<Seeker> inner = new();

    public sealed record Counter(MyPageApp App);

    public static int Count(MyPageApp app) => Volatile.Read(ref Counts.GetOrAdd(app, _ => new int[1])[0]);

    public string HashPassword(Seeker user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Seeker user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref Counts.GetOrAdd(counter.App, _ => new int[1])[0]);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
