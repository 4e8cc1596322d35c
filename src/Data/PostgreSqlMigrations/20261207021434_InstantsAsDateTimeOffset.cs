using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyPage.src.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class InstantsAsDateTimeOffset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // 列はもとから timestamptz（名前で決めていたのを、型で決めるようにした）。表は変わらない
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
