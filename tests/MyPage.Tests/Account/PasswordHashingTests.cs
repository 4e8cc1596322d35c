using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyPage.Account;
using MyPage.Data;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Account;

// パスワードのハッシュ: Argon2id (m = 19 MiB, t = 2, p = 1)。以前の形式 (Identity V3, PBKDF2) は次のログインで置き換える。
public class PasswordHashingTests
{
    private static Argon2PasswordHasher Hasher(int iterations = 2, int memoryKiB = 19456)
        => new(Options.Create(new PasswordHashingOptions { Iterations = iterations, MemoryKiB = memoryKiB }));

    [Fact]
    public void Can_hash_with_argon2id_at_the_owasp_first_choice()
    {
        var hash = Hasher().HashPassword(new Seeker(), "Right-pass-1");
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success, Hasher().VerifyHashedPassword(new Seeker(), hash, "Right-pass-1"));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher().VerifyHashedPassword(new Seeker(), hash, "Wrong-pass-1"));
        Assert.NotEqual(hash, Hasher().HashPassword(new Seeker(), "Right-pass-1"));
    }

    [Fact]
    public void Can_ask_for_a_rehash_when_the_parameters_change()
    {
        var hash = Hasher().HashPassword(new Seeker(), "Right-pass-1");
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hasher(iterations: 3).VerifyHashedPassword(new Seeker(), hash, "Right-pass-1"));
    }

    [Fact]
    public void Cannot_match_a_broken_stored_hash()
        => Assert.Equal(PasswordVerificationResult.Failed, Hasher().VerifyHashedPassword(new Seeker(), "$argon2id$v=19$garbage", "Right-pass-1"));

    [Theory]
    [InlineData(2, 19456, true)]
    [InlineData(1, 47104, true)]
    [InlineData(3, 12288, true)]
    [InlineData(5, 7168, true)]
    [InlineData(2, 16384, false)]
    [InlineData(1, 19456, false)]
    [InlineData(0, 65536, false)]
    public void Can_tell_settings_below_the_owasp_minimum(int iterations, int memoryKiB, bool meets)
        => Assert.Equal(meets, new PasswordHashingOptions { Iterations = iterations, MemoryKiB = memoryKiB }.MeetsOwaspMinimum);

    [Fact]
    public async Task Can_log_in_with_an_old_pbkdf2_hash_and_it_becomes_argon2id()
    {
        await using var app = new MyPageApp(productionHashing: true);
        var seeker = await app.CreateSeekerAsync("old@example.jp", "Right-pass-1");
        // 以前のサイトが置いた形 (ASP.NET Core Identity V3: PBKDF2-HMAC-SHA512)
        var v3 = new PasswordHasher<Seeker>().HashPassword(seeker, "Right-pass-1");
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == seeker.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.PasswordHash, v3)));

        using (var wrong = app.CreateHttpClient())
            Assert.Equal(HttpStatusCode.OK, (await Forms.LoginAsync(wrong, "old@example.jp", "Wrong-pass-1")).StatusCode);
        Assert.Equal(v3, await StoredHashAsync(app, seeker.Id));

        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(client, "old@example.jp", "Right-pass-1")).StatusCode);
        var rehashed = await StoredHashAsync(app, seeker.Id);
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", rehashed, StringComparison.Ordinal);

        using var again = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(again, "old@example.jp", "Right-pass-1")).StatusCode);
        Assert.Equal(rehashed, await StoredHashAsync(app, seeker.Id));
    }

    private static Task<string?> StoredHashAsync(MyPageApp app, string id)
        => app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync());
}
