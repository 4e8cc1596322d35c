using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyPage.src.Data.Migrations
{
    /// <inheritdoc />
    public partial class LoginPipelineAndRevocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LinksMynaportal",
                table: "PendingLogins");

            migrationBuilder.AddColumn<string>(
                name: "ClientTag",
                table: "UsedBotChallenges",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UsedAt",
                table: "UsedBotChallenges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "PendingLogins",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BrowserTag",
                table: "PasswordResetRequests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FailedAt",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PendingMynaportalSignIns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SeekerId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingMynaportalSignIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PendingMynaportalSignIns_AspNetUsers_SeekerId",
                        column: x => x.SeekerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UsedBotChallenges_ClientTag_UsedAt",
                table: "UsedBotChallenges",
                columns: new[] { "ClientTag", "UsedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PasswordResetRequests_BrowserTag_CreatedAt",
                table: "PasswordResetRequests",
                columns: new[] { "BrowserTag", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingMynaportalSignIns_ExpiresAt",
                table: "PendingMynaportalSignIns",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_PendingMynaportalSignIns_SeekerId",
                table: "PendingMynaportalSignIns",
                column: "SeekerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingMynaportalSignIns");

            migrationBuilder.DropIndex(
                name: "IX_UsedBotChallenges_ClientTag_UsedAt",
                table: "UsedBotChallenges");

            migrationBuilder.DropIndex(
                name: "IX_PasswordResetRequests_BrowserTag_CreatedAt",
                table: "PasswordResetRequests");

            migrationBuilder.DropColumn(
                name: "ClientTag",
                table: "UsedBotChallenges");

            migrationBuilder.DropColumn(
                name: "UsedAt",
                table: "UsedBotChallenges");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "PendingLogins");

            migrationBuilder.DropColumn(
                name: "BrowserTag",
                table: "PasswordResetRequests");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "OutboxMessages");

            migrationBuilder.AddColumn<bool>(
                name: "LinksMynaportal",
                table: "PendingLogins",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }
    }
}
