using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyPage.src.Data.Migrations
{
    /// <inheritdoc />
    public partial class SecretsAtRest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ログイン失敗の行は、入力されたIDそのものを鍵にしていた。数え直しになるだけなので、消してタグで置き直す
            migrationBuilder.Sql("DELETE FROM LoginThrottles;");
            // 送ったメールの本文（認証キーや本登録の URL を含む）は残さない（この時点ではまだ NOT NULL の列なので空文字に）
            migrationBuilder.Sql("UPDATE OutboxMessages SET Body = '' WHERE SentAt IS NOT NULL;");

            migrationBuilder.DropPrimaryKey(
                name: "PK_LoginThrottles",
                table: "LoginThrottles");

            migrationBuilder.DropColumn(
                name: "LoginId",
                table: "LoginThrottles");

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "Secret",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdTag",
                table: "LoginThrottles",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_LoginThrottles",
                table: "LoginThrottles",
                column: "IdTag");

            migrationBuilder.CreateTable(
                name: "SiteSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteSecrets", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SiteSecrets");

            migrationBuilder.DropPrimaryKey(
                name: "PK_LoginThrottles",
                table: "LoginThrottles");

            migrationBuilder.DropColumn(
                name: "Secret",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "IdTag",
                table: "LoginThrottles");

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LoginId",
                table: "LoginThrottles",
                type: "TEXT",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_LoginThrottles",
                table: "LoginThrottles",
                column: "LoginId");
        }
    }
}
