using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyPage.src.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class OutboxWake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // 送信待ちに行が入ったら（どのインスタンスからでも）、コミットのときに送信者たちを起こす (OutboxListener)
            migrationBuilder.Sql("""
                CREATE FUNCTION mypage_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('mypage_outbox', '');
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "OutboxMessages_notify" AFTER INSERT ON "OutboxMessages"
                FOR EACH STATEMENT EXECUTE FUNCTION mypage_outbox_notify();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "OutboxMessages_notify" ON "OutboxMessages";""");
            migrationBuilder.Sql("DROP FUNCTION mypage_outbox_notify();");
        }
    }
}
