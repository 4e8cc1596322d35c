using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MyPage.Account;
using MyPage.Data;

namespace MyPage.Tests.Infrastructure;

// サイトと同じ Argon2id のハッシュに、照合の回数を数えさせる（ロックの予約が照合より先に効くことを確かめるため）。
// 数はサイトごとの Counter に持つ（静的な表に持つと、終わったサイトがいつまでも残る）。
public sealed class CountingPasswordHasher(CountingPasswordHasher.Counter counter, IOptions<PasswordHashingOptions> options) : IPasswordHasher<Seeker>
{
    private readonly Argon2PasswordHasher inner = new(options);

    public sealed class Counter
    {
        private int verifications;
        public int Verifications => Volatile.Read(ref verifications);
        public void Increment() => Interlocked.Increment(ref verifications);
    }

    public string HashPassword(Seeker user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Seeker user, string hashedPassword, string providedPassword)
    {
        counter.Increment();
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
