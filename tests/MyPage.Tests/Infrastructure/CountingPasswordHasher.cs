using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MyPage.Account;
using MyPage.Data;

namespace MyPage.Tests.Infrastructure;

// サイトと同じ Argon2id のハッシュに、照合の回数を数えさせる（ロックの予約が照合より先に効くことを確かめるため）。
// 数はサイトごとの Counter に持つ（静的な表に持つと、終わったサイトがいつまでも残る）。
// ハッシュの重さを試さないサイトでは、libsodium が許す一番軽い Argon2id (t=1, m=8 KiB) にする（テストの CPU の節約）。
// サイトの設定 (MyPage:Passwords) の検査はそのまま: 本番の重さの確かめは PasswordHashingTests と時間の試験がする。
internal sealed class CountingPasswordHasher(CountingPasswordHasher.Counter counter, IOptions<PasswordHashingOptions> options) : IPasswordHasher<Seeker>
{
    public static readonly PasswordHashingOptions Cheapest = new() { Iterations = 1, MemoryKiB = 8 };

    private readonly Argon2PasswordHasher inner = new(counter.ProductionCost ? options : Options.Create(Cheapest));

    // 照合の回数と、同時に動いていたハッシュの計算の数の最大（作るものも照合も。それぞれ Argon2id のメモリを持つ）
    public sealed class Counter(bool productionCost)
    {
        private int verifications;
        private int inFlight;
        private int maxInFlight;
        public bool ProductionCost { get; } = productionCost;
        public int Verifications => Volatile.Read(ref verifications);
        public int MaxInFlight => Volatile.Read(ref maxInFlight);
        public void Increment() => Interlocked.Increment(ref verifications);

        public T Hashing<T>(Func<T> work)
        {
            var now = Interlocked.Increment(ref inFlight);
            for (var max = Volatile.Read(ref maxInFlight); now > max; max = Volatile.Read(ref maxInFlight))
                if (Interlocked.CompareExchange(ref maxInFlight, now, max) == max) break;
            try { return work(); }
            finally { Interlocked.Decrement(ref inFlight); }
        }
    }

    public string HashPassword(Seeker user, string password) => counter.Hashing(() => inner.HashPassword(user, password));

    public PasswordVerificationResult VerifyHashedPassword(Seeker user, string hashedPassword, string providedPassword)
    {
        counter.Increment();
        return counter.Hashing(() => inner.VerifyHashedPassword(user, hashedPassword, providedPassword));
    }
}
