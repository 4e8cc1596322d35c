using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyPage.src.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class IdChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IdChangeRequests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SeekerId = table.Column<string>(type: "text", nullable: false),
                    NewEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    KeyHash = table.Column<string>(type: "text", nullable: false),
                    KeySent = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VoidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdChangeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdChangeRequests_AspNetUsers_SeekerId",
                        column: x => x.SeekerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IdChangeRequests_ExpiresAt",
                table: "IdChangeRequests",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_IdChangeRequests_SeekerId_CreatedAt",
                table: "IdChangeRequests",
                columns: new[] { "SeekerId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdChangeRequests");
        }
    }
}
