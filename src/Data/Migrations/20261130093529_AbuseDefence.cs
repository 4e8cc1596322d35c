using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyPage.src.Data.Migrations
{
    /// <inheritdoc />
    public partial class AbuseDefence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "KnownBrowser",
                table: "PasswordResetRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ClientThrottles",
                columns: table => new
                {
                    ClientTag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowStartedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientThrottles", x => x.ClientTag);
                });

            migrationBuilder.CreateTable(
                name: "UsedBotChallenges",
                columns: table => new
                {
                    Challenge = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedBotChallenges", x => x.Challenge);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientThrottles_WindowStartedAt",
                table: "ClientThrottles",
                column: "WindowStartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_UsedBotChallenges_ExpiresAt",
                table: "UsedBotChallenges",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientThrottles");

            migrationBuilder.DropTable(
                name: "UsedBotChallenges");

            migrationBuilder.DropColumn(
                name: "KnownBrowser",
                table: "PasswordResetRequests");
        }
    }
}
