using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Account;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Account;

// 予約の数え方を本物のデータベースで確かめる（SQLite と PostgreSQL の両方で、同じ試験）
public class LoginThrottleStoreOnSqliteTests() : LoginThrottleStoreTests(Store.Sqlite);

[Trait("Category", "PostgreSQL")]
public class LoginThrottleStoreOnPostgreSqlTests() : LoginThrottleStoreTests(Store.PostgreSql);

public abstract class LoginThrottleStoreTests(Store store) : IAsyncLifetime
{
    private readonly MyPageApp app = new(store: store);
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<LoginThrottleStore.Reservation> ReserveAsync(string id, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LoginThrottleStore>().ReserveAsync(id, at);
    }

    // 成功したログイン（や退会の確認）が行を消すのと、同じ ID の予約が重なっても、予約は 500 にならず、ありもしないロックも知らせない
    // （予約が「行を作る」と「数える」の二つの文だったころ、その間に行が消えて、負荷の下の同時の退会で起きた）
    [Fact]
    public async Task Never_fails_when_a_success_clears_the_row_in_the_middle_of_a_reservation()
    {
        for (var round = 0; round < 150; round++)
        {
            var id = $"race{round}@example.jp";
            await ReserveAsync(id, T0);
            var reservations = Enumerable.Range(0, 3).Select(_ => Task.Run(() => ReserveAsync(id, T0))).ToList();
            var clear = Task.Run(async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LoginThrottleStore>().ClearAsync(id);
            });
            await clear;
            foreach (var reservation in reservations)
            {
                var r = await reservation;
                Assert.True(r.Granted);
                Assert.InRange(r.Failures, 1, 4);
            }
        }
    }

    [Fact]
    public async Task Can_reserve_four_attempts_without_locking()
    {
        for (var i = 1; i <= 4; i++)
        {
            var r = await ReserveAsync("a@example.jp", T0);
            Assert.True(r.Granted);
            Assert.Equal(i, r.Failures);
            Assert.False(r.LocksOnFailure);
            Assert.Null(r.LockedUntil);
        }
    }

    [Fact]
    public async Task Can_lock_on_the_fifth_reservation_for_30_minutes()
    {
        for (var i = 0; i < 4; i++) await ReserveAsync("a@example.jp", T0);
        var fifth = await ReserveAsync("a@example.jp", T0.AddMinutes(1));
        Assert.True(fifth.LocksOnFailure);
        Assert.Equal(T0.AddMinutes(31), fifth.LockedUntil);
    }

    [Fact]
    public async Task Cannot_reserve_or_extend_the_lock_while_locked()
    {
        for (var i = 0; i < 5; i++) await ReserveAsync("a@example.jp", T0);
        var during = await ReserveAsync("a@example.jp", T0.AddMinutes(29));
        Assert.False(during.Granted);
        Assert.Equal(T0.AddMinutes(30), during.LockedUntil);
    }

    [Fact]
    public async Task Can_start_counting_again_when_the_lock_has_passed()
    {
        for (var i = 0; i < 5; i++) await ReserveAsync("a@example.jp", T0);
        var after = await ReserveAsync("a@example.jp", T0.AddMinutes(30));
        Assert.True(after.Granted);
        Assert.Equal(1, after.Failures);
        Assert.Null(after.LockedUntil);
    }

    [Fact]
    public async Task Can_clear_the_count()
    {
        for (var i = 0; i < 4; i++) await ReserveAsync("a@example.jp", T0);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LoginThrottleStore>().ClearAsync("a@example.jp"));
        Assert.Equal(1, (await ReserveAsync("a@example.jp", T0)).Failures);
    }

    [Fact]
    public async Task Can_reserve_at_most_five_of_fifty_parallel_attempts()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => ReserveAsync("a@example.jp", T0))));
        Assert.Equal(5, results.Count(r => r.Granted));
        Assert.Single(results, r => r.LocksOnFailure);
        Assert.Equal(5, await app.WithDbAsync(db => Task.FromResult(db.LoginThrottles.Single().Failures)));
    }

    [Fact]
    public async Task Can_forget_failures_after_24_quiet_hours()
    {
        for (var i = 0; i < 4; i++) await ReserveAsync("a@example.jp", T0);
        var later = await ReserveAsync("a@example.jp", T0.AddHours(24));
        Assert.Equal(1, later.Failures);
    }

    [Fact]
    public async Task Can_purge_only_records_quiet_for_24_hours()
    {
        await ReserveAsync("old@example.jp", T0);
        await ReserveAsync("recent@example.jp", T0.AddHours(23));

        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LoginThrottleStore>().PurgeAsync(T0.AddHours(24)));
        var left = await app.WithDbAsync(db => Task.FromResult(db.LoginThrottles.Select(t => t.IdTag).ToList()));
        Assert.Equal([app.IdTag("recent@example.jp")], left);
    }

    [Fact]
    public async Task Cannot_find_the_typed_id_in_the_table_only_its_keyed_tag()
    {
        // ID の欄にパスワードを打ち間違えても、その文字列はデータベースに残らない
        await ReserveAsync("my-secret-pass-1", T0);
        var row = await app.WithDbAsync(db => db.LoginThrottles.SingleAsync());
        Assert.Equal(app.IdTag("my-secret-pass-1"), row.IdTag);
        Assert.NotEqual(MyPage.Security.Tokens.Sha256Hex("my-secret-pass-1"), row.IdTag);
        Assert.DoesNotContain("my-secret-pass-1", row.IdTag, StringComparison.Ordinal);
    }
}
