using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyPage.src.Data.Migrations
{
    /// <inheritdoc />
    public partial class InstantsAsDateTimeOffset : Migration
    {
        /// <inheritdoc />
        // 時刻は一つの形 (DateTimeOffset、列はエポックからのミリ秒の整数)。AspNetUsers の4列だけが文字列だった。
        // EF の AlterColumn は表を作り直す（トランザクションの外で外部キーを切る）ので、使わない: 整数の列を足して移し、
        // 古い列を消して名前を戻す（どれも SQLite 3.35 からの ALTER TABLE で、このマイグレーションのトランザクションの中）
        private static readonly string[] Columns = ["LastLoginAt", "PreviousLoginAt", "RegisteredOnlineAt", "LockoutEnd"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var column in Columns)
            {
                migrationBuilder.Sql($"""ALTER TABLE "AspNetUsers" ADD "{column}_ms" INTEGER NULL;""");
                // 'yyyy-MM-dd HH:mm:ss.fffffff+09:00' → ミリ秒（julianday は時差を読み、精度は 0.1 ミリ秒より細かい）
                migrationBuilder.Sql($"""UPDATE "AspNetUsers" SET "{column}_ms" = CAST(ROUND((julianday("{column}") - 2440587.5) * 86400000.0) AS INTEGER) WHERE "{column}" IS NOT NULL;""");
                migrationBuilder.Sql($"""ALTER TABLE "AspNetUsers" DROP COLUMN "{column}";""");
                migrationBuilder.Sql($"""ALTER TABLE "AspNetUsers" RENAME COLUMN "{column}_ms" TO "{column}";""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var column in Columns)
            {
                migrationBuilder.Sql($"""ALTER TABLE "AspNetUsers" ADD "{column}_text" TEXT NULL;""");
                migrationBuilder.Sql($"""UPDATE "AspNetUsers" SET "{column}_text" = strftime('%Y-%m-%d %H:%M:%f', "{column}" / 1000.0, 'unixepoch') || '+00:00' WHERE "{column}" IS NOT NULL;""");
                migrationBuilder.Sql($"""ALTER TABLE "AspNetUsers" DROP COLUMN "{column}";""");
                migrationBuilder.Sql($"""ALTER TABLE "AspNetUsers" RENAME COLUMN "{column}_text" TO "{column}";""");
            }
        }
    }
}
