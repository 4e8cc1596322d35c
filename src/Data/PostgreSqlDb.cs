using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MyPage.Data;

// PostgreSQL の MyPageDb（MyPage:Database:Provider=PostgreSQL）。マイグレーションは src/Data/PostgreSqlMigrations。
// 時刻（名前が …At / …Until の long）は、コードではエポックからのミリ秒のまま、列は timestamptz にする。
// ID の一意性は正規化した NormalizedUserName / NormalizedEmail の一意索引で守る（citext は要らない）。
public sealed class PostgreSqlDb(DbContextOptions<PostgreSqlDb> options) : MyPageDb(options)
{
    private static readonly ValueConverter<long, DateTimeOffset> AsTimestamp = new(
        ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        at => at.ToUnixTimeMilliseconds());

    public override object Instant(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    private static bool IsInstant(string name, Type type)
        => (type == typeof(long) || type == typeof(long?)) && (name.EndsWith("At", StringComparison.Ordinal) || name.EndsWith("Until", StringComparison.Ordinal));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // PostgreSQL は引用符のない名前を小文字にするので、制約の式では列名を引用する
        builder.Entity<SavedSearch>().ToTable(t => t.HasCheckConstraint("CK_SavedSearches_Slot", "\"Slot\" BETWEEN 1 AND 3"));
        foreach (var entity in builder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties().Where(p => IsInstant(p.Name, p.ClrType)))
            {
                property.SetValueConverter(AsTimestamp);
                property.SetColumnType("timestamp with time zone");
            }
    }
}

// dotnet ef migrations add Name --context PostgreSqlDb -o src/Data/PostgreSqlMigrations（接続はしない）
public sealed class PostgreSqlDbDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDb>
{
    public PostgreSqlDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgreSqlDb>().UseNpgsql("Host=localhost;Database=mypage").Options);
}

// dotnet ef migrations add Name --context MyPage.Data.MyPageDb -o src/Data/Migrations（SQLite。接続はしない）。
// これがないと、PostgreSqlDb のファクトリーが MyPageDb にも使われて、SQLite のフォルダーに PostgreSQL のマイグレーションができる
public sealed class MyPageDbDesignTimeFactory : IDesignTimeDbContextFactory<MyPageDb>
{
    public MyPageDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<MyPageDb>().UseSqlite("Data Source=design-time.db").Options);
}
