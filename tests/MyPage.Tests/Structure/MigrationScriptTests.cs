using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MyPage.Data;
using MyPage.Tests.Infrastructure;
using Npgsql;

namespace MyPage.Tests.Structure;

// README の「マイグレーションを別に」の二つのコマンドを、書いてあるとおりに（出力のファイルだけをこの試験のものに、
// ビルドは済んだものを使って）動かし、できたスクリプトを空のデータベースに当てる。PostgreSQL のものは二度当てても同じ（冪等）
[Trait("Category", "Processes")]
[Trait("Category", "PostgreSQL")]
public class MigrationScriptTests
{
    // このコンテキストのマイグレーションの数
    private static long MigrationsOf(Type context) => typeof(Program).Assembly.GetTypes()
        .Count(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context);

    [Fact]
    public async Task Can_make_and_apply_the_sqlite_script_with_the_readme_command()
    {
        var script = await RunReadmeCommandAsync("MyPage.Data.MyPageDb");
        var database = Path.Combine(Path.GetTempPath(), $"mypage-script-{Guid.NewGuid():N}.db");
        try
        {
            await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            await connection.OpenAsync();
            await using (var apply = new SqliteCommand(script, connection)) await apply.ExecuteNonQueryAsync();
            await using var count = new SqliteCommand("""SELECT COUNT(*) FROM "__EFMigrationsHistory" """, connection);
            Assert.Equal(MigrationsOf(typeof(MyPageDb)), (long)(await count.ExecuteScalarAsync())!);
            await using var users = new SqliteCommand("""SELECT COUNT(*) FROM "AspNetUsers" """, connection);
            Assert.Equal(0L, (long)(await users.ExecuteScalarAsync())!);
        }
        finally
        {
            File.Delete(database);
        }
    }

    [Fact]
    public async Task Can_make_the_idempotent_postgresql_script_with_the_readme_command_and_apply_it_twice()
    {
        var script = await RunReadmeCommandAsync("MyPage.Data.PostgreSqlDb");
        await using var database = await PostgresDatabase.CreateAsync(migrated: false);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        for (var i = 0; i < 2; i++)
            await using (var apply = new NpgsqlCommand(script, connection)) await apply.ExecuteNonQueryAsync();
        await using var count = new NpgsqlCommand("""SELECT COUNT(*) FROM "__EFMigrationsHistory" """, connection);
        Assert.Equal(MigrationsOf(typeof(PostgreSqlDb)), (long)(await count.ExecuteScalarAsync())!);
        Assert.True(MigrationsOf(typeof(PostgreSqlDb)) >= 1);
    }

    // README の `dotnet ef migrations script … --context CONTEXT -o FILE` の行を、リポジトリの根で動かしてスクリプトを返す
    private static async Task<string> RunReadmeCommandAsync(string context)
    {
        var output = Path.Combine(Path.GetTempPath(), $"mypage-script-{Guid.NewGuid():N}.sql");
        var args = Repository.ReadmeDotnetArguments(
            l => l.StartsWith("dotnet ef migrations script ", StringComparison.Ordinal) && l.Contains($"--context {context} ", StringComparison.Ordinal), output);
        await Repository.DotnetAsync(TimeSpan.FromMinutes(2), "tool", "restore");
        await Repository.DotnetAsync(TimeSpan.FromMinutes(2), [.. args, "--no-build", "--configuration", "Release"]);
        try
        {
            return await File.ReadAllTextAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
