using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Tests.Data;

// 時刻の形は一つ: DateTimeOffset の型で決まり（名前では決めない）、SQLite はミリ秒の整数、PostgreSQL は timestamptz
public class InstantColumnTests
{
    private static readonly MyPageDb Sqlite = new(new DbContextOptionsBuilder<MyPageDb>().UseSqlite("Data Source=:memory:").Options);
    private static readonly PostgreSqlDb Postgres = new(new DbContextOptionsBuilder<PostgreSqlDb>().UseNpgsql("Host=localhost;Database=none").Options);

    public static TheoryData<string, string> Providers => new() { { "sqlite", "INTEGER" }, { "postgresql", "timestamp with time zone" } };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_instant_is_a_DateTimeOffset_stored_the_same_way(string provider, string columnType)
    {
        MyPageDb db = provider == "sqlite" ? Sqlite : Postgres;
        var properties = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties().Select(p => (Entity: e.ClrType.Name, Property: p))).ToList();

        var instants = properties.Where(p => p.Property.ClrType == typeof(DateTimeOffset) || p.Property.ClrType == typeof(DateTimeOffset?)).ToList();
        Assert.Contains(instants, p => p.Entity == nameof(LoginThrottle) && p.Property.Name == nameof(LoginThrottle.LockedUntil));
        Assert.Contains(instants, p => p.Entity == nameof(Seeker) && p.Property.Name == nameof(Seeker.LastLoginAt));
        Assert.All(instants, p => Assert.Equal(columnType, p.Property.GetColumnType()));

        // 時刻らしい名前の数 (long) は残っていない
        var numbers = properties.Where(p => (p.Property.Name.EndsWith("At", StringComparison.Ordinal) || p.Property.Name.EndsWith("Until", StringComparison.Ordinal))
            && p.Property.ClrType != typeof(DateTimeOffset) && p.Property.ClrType != typeof(DateTimeOffset?)).Select(p => $"{p.Entity}.{p.Property.Name}");
        Assert.Empty(numbers);
    }

    [Fact]
    public void Both_providers_keep_an_instant_to_the_millisecond_in_utc()
    {
        var at = new DateTimeOffset(2026, 12, 7, 11, 22, 33, TimeSpan.FromHours(9)).AddTicks(1234567);
        Assert.Equal(at.ToUnixTimeMilliseconds(), Sqlite.Instant(at));
        var stored = Assert.IsType<DateTimeOffset>(Postgres.Instant(at));
        Assert.Equal((TimeSpan.Zero, at.ToUnixTimeMilliseconds(), 0L), (stored.Offset, stored.ToUnixTimeMilliseconds(), stored.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
