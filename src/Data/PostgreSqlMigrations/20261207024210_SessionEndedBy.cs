using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyPage.src.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class SessionEndedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EndedBy",
                table: "Sessions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EndedBy",
                table: "Sessions");
        }
    }
}
