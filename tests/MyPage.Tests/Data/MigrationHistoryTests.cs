using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MyPage.Data;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Data;

// SQLite のマイグレーションは一つにまとめた (InitialSchema)。まとめる前の最後の版で作ったデータベースは、そのまま上がる
public class MigrationHistoryTests
{
    // まとめる前の10のマイグレーションが作ったデータベース（dotnet ef migrations script で書き出したもの。履歴の行も入る）
    private static readonly string ReleasedScript = Path.Combine(Repository.Root, "tests", "MyPage.Tests", "Data", "Released", "sqlite-20261207002311_ReplacedCodes.sql");

    private static string ReleasedDatabase(int migrations = int.MaxValue)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mypage-released-{Guid.NewGuid():N}.db");
        var script = File.ReadAllText(ReleasedScript);
        // 途中までの版: 履歴に書いた migrations 個めの後で切る
        var cut = 0;
        for (var i = 0; i < migrations; i++)
        {
            var next = script.IndexOf("INSERT INTO \"__EFMigrationsHistory\"", cut, StringComparison.Ordinal);
            if (next < 0) { cut = script.Length; break; }
            cut = script.IndexOf("COMMIT;", next, StringComparison.Ordinal) + "COMMIT;".Length;
        }
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = script[..cut];
        command.ExecuteNonQuery();
        return path;
    }

    private static List<string> Schema(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        // 表ごとの列（名前、型、NOT NULL、主キー）と索引（一意か、列）と外部キー。列の順と CREATE 文の書き方は比べない。
        // 既定値も比べない: 前の版が列を足したときの DEFAULT が残るが、EF も Data/Statements の文も、どの列も値を書く
        command.CommandText = """
            SELECT m.name || '.' || c.name || ' ' || c.type || ' ' || c."notnull" || ' ' || c.pk
            FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'
            UNION ALL
            SELECT 'index ' || m.name || ' ' || i.name || ' ' || i."unique" || ' ' || (SELECT group_concat(name, ',') FROM pragma_index_info(i.name))
            FROM sqlite_master m JOIN pragma_index_list(m.name) i WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'
            UNION ALL
            SELECT 'fk ' || m.name || ' ' || f."table" || ' ' || f."from" || ' ' || f."to" || ' ' || f.on_delete
            FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            """;
        var rows = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) rows.Add(reader.GetString(0));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public async Task A_database_made_by_the_last_released_migrations_upgrades_to_the_same_schema_and_keeps_its_data()
    {
        var released = ReleasedDatabase();
        // 前の版は、求職者の時刻を文字列で持っていた（日本時間で書かれたものも）
        using (var connection = new SqliteConnection($"Data Source={released};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PhoneNumberConfirmed",
                    "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "LastLoginAt", "PreviousLoginAt", "LockoutEnd")
                VALUES ('kept', 'kept@example.jp', 'KEPT@EXAMPLE.JP', 'kept@example.jp', 'KEPT@EXAMPLE.JP', 1, 0, 0, 0, 0,
                    '2026-12-01 09:30:15.1234567+09:00', '2026-11-30 23:59:59.999+00:00', NULL)
                """;
            insert.ExecuteNonQuery();
        }
        string seekerEmail;
        await using (var app = new MyPageApp(released, keepDatabase: true))
        {
            var kept = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == "kept"));
            Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 30, 15, 123, TimeSpan.Zero), kept.LastLoginAt);
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 59, 59, 999, TimeSpan.Zero), kept.PreviousLoginAt);
            Assert.Null(kept.LockoutEnd);
            Assert.Empty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
            var applied = await app.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync());
            // 前の履歴は残る（前の版に戻しても読める）。まとめたものが足される
            Assert.Contains("20261207002311_ReplacedCodes", applied);
            Assert.Contains(applied, id => id.EndsWith("_InitialSchema", StringComparison.Ordinal));
            seekerEmail = (await app.WithDbAsync(db => db.Users.SingleAsync())).Email!;
            Assert.DoesNotContain(app.Logs.Detailed, l => l.Contains(" Warning ", StringComparison.Ordinal) && l.Contains("Migrations", StringComparison.Ordinal));
        }

        // もう一度起動しても何もしない。表の形は、新しく作ったデータベースと同じ
        await using (var again = new MyPageApp(released, keepDatabase: true))
            Assert.Equal(seekerEmail, (await again.WithDbAsync(db => db.Users.SingleAsync())).Email);
        var fresh = Path.Combine(Path.GetTempPath(), $"mypage-fresh-{Guid.NewGuid():N}.db");
        DatabaseTemplates.CopySqliteTo(fresh);
        try
        {
            Assert.Equal(Schema(fresh), Schema(released));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { released, fresh }.SelectMany(p => new[] { p, p + "-wal", p + "-shm" })) File.Delete(file);
        }
    }

    [Fact]
    public async Task A_database_stopped_halfway_through_the_released_migrations_is_refused_and_left_as_it_was()
    {
        var halfway = ReleasedDatabase(migrations: 6);
        try
        {
            await using var db = new MyPageDb(new DbContextOptionsBuilder<MyPageDb>().UseSqlite($"Data Source={halfway};Pooling=False").Options);
            var before = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            Assert.InRange(before.Count, 1, 9);

            var refused = await Assert.ThrowsAsync<StartupException>(() => SquashedMigrations.AdoptAsync(db));

            Assert.Contains(before[^1], refused.Message);
            Assert.Contains("20261207002311_ReplacedCodes まで済む版で一度起動してから", refused.Message);
            Assert.DoesNotContain('\n', refused.Message);
            Assert.Equal(before, await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { halfway, halfway + "-wal", halfway + "-shm" }) File.Delete(file);
        }
    }

    // 新しいデータベースは一つのトランザクションで作る: 表を作り直す（トランザクションの外で PRAGMA foreign_keys を切る）文がない
    [Fact]
    public void Every_sqlite_migration_runs_inside_a_transaction()
    {
        using var db = new MyPageDb(new DbContextOptionsBuilder<MyPageDb>().UseSqlite("Data Source=:memory:").Options);
        var migrations = db.GetService<IMigrationsAssembly>();
        var generator = db.GetService<IMigrationsSqlGenerator>();
        Assert.NotEmpty(migrations.Migrations);
        foreach (var (id, type) in migrations.Migrations)
        {
            var migration = migrations.CreateMigration(type, db.Database.ProviderName!);
            var commands = generator.Generate(migration.UpOperations, db.Model);
            Assert.True(commands.All(c => !c.TransactionSuppressed), $"{id} にトランザクションの外で動く文があります");
        }
    }
}
