using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MyPage.Data;

// 時刻の列の形（MyPageDb.ConfigureConventions が、DateTimeOffset のすべてのプロパティに使う）。どちらもミリ秒まで
internal static class Instants
{
    // SQLite: エポックからのミリ秒の整数
    public sealed class AsUnixMilliseconds() : ValueConverter<DateTimeOffset, long>(
        at => at.ToUnixTimeMilliseconds(),
        ms => DateTimeOffset.FromUnixTimeMilliseconds(ms));

    // PostgreSQL: timestamptz（Npgsql は UTC のものだけを書く。ミリ秒に切るのは SQLite と同じ値を返すため）
    public sealed class AsUtcMilliseconds() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        at => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()),
        at => at);

    public static readonly ValueConverter UnixMilliseconds = new AsUnixMilliseconds();
    public static readonly ValueConverter UtcMilliseconds = new AsUtcMilliseconds();
}
