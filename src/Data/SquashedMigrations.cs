using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MyPage.Data;

// いくつものマイグレーションを一つにまとめたとき、まとめたほうに付ける: ids は、まとめる前のマイグレーション（順に）
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class ReplacesMigrationsAttribute(params string[] ids) : Attribute
{
    public IReadOnlyList<string> Ids { get; } = ids;
}

// まとめる前の版で作ったデータベースは、まとめたものを済んだものとして履歴に書き足す（表はもうあるので作らない）。
// 前の履歴は消さない: 前の版に戻しても、その版は自分のマイグレーションを済んだものと読める。
// まとめる前の途中までしか済んでいないデータベースは、前の版で最後まで上げてもらう（起動しない）
internal static class SquashedMigrations
{
    public static async Task AdoptAsync(MyPageDb db, CancellationToken ct = default)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct)) return;
        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(r => r.MigrationId).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, type) in db.GetService<IMigrationsAssembly>().Migrations)
        {
            if (applied.Contains(id) || type.GetCustomAttribute<ReplacesMigrationsAttribute>() is not { } squash) continue;
            var done = squash.Ids.Count(applied.Contains);
            if (done == 0) continue;
            if (done < squash.Ids.Count)
                throw new StartupException(
                    $"このデータベースは古い版のマイグレーションの途中 ({squash.Ids.Last(applied.Contains)}) までです。{squash.Ids[^1]} まで済む版で一度起動してから、この版で起動してください。"
                    + $" / The database stops at migration {squash.Ids.Last(applied.Contains)}: start the release that applies {squash.Ids[^1]} first.");
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(id, ProductInfo.GetVersion())), ct);
        }
    }
}
