using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MyPage.Data;

// 接続ごとの SQLite の設定。並列の書き込みは "database is locked" で落とさずに待たせる。
// WAL はファイルに残る設定なので起動時に一度だけ (DatabaseStartup)。
// 設定は本物の接続（プールで使い回す sqlite3 のハンドル）ごとに一度だけ送る: EF はコンテキストが使うたびに接続を開き直すが、
// プールから戻る接続には設定が残っている（要求ごとに文を一つ余分に送らない）
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!Needs(connection, out var handle)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, Configured);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!Needs(connection, out var handle)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Configured.AddOrUpdate(handle, Configured);
    }

    private static bool Needs(DbConnection connection, out object handle)
    {
        handle = (connection as SqliteConnection)?.Handle ?? (object)connection;
        return !Configured.TryGetValue(handle, out _);
    }
}
