using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MyPage.Data;

// PostgreSQL の MyPageDb（MyPage:Database:Provider=PostgreSQL）。マイグレーションは src/Data/PostgreSqlMigrations。
// 時刻 (DateTimeOffset) の列は timestamptz（MyPageDb.ConfigureConventions と Instants）。
// ID の一意性は正規化した NormalizedUserName / NormalizedEmail の一意索引で守る（citext は要らない）。
internal sealed class PostgreSqlDb(DbContextOptions<PostgreSqlDb> options) : MyPageDb(options)
{
    protected override ValueConverter InstantColumn => Instants.UtcMilliseconds;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // PostgreSQL は引用符のない名前を小文字にするので、制約の式では列名を引用する
        builder.Entity<SavedSearch>().ToTable(t => t.HasCheckConstraint("CK_SavedSearches_Slot", "\"Slot\" BETWEEN 1 AND 3"));
    }
}

// dotnet ef migrations add Name --context PostgreSqlDb -o src/Data/PostgreSqlMigrations（接続はしない）
internal sealed class PostgreSqlDbDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDb>
{
    public PostgreSqlDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgreSqlDb>().UseNpgsql("Host=localhost;Database=mypage").Options);
}

// dotnet ef migrations add Name --context MyPage.Data.MyPageDb -o src/Data/Migrations（SQLite。接続はしない）。
// これがないと、PostgreSqlDb のファクトリーが MyPageDb にも使われて、SQLite のフォルダーに PostgreSQL のマイグレーションができる
internal sealed class MyPageDbDesignTimeFactory : IDesignTimeDbContextFactory<MyPageDb>
{
    public MyPageDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<MyPageDb>().UseSqlite("Data Source=design-time.db").Options);
}
