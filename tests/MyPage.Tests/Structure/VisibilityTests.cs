using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MyPage.Tests.Structure;

// 型は internal が既定: モジュールの境はコンパイラーが守り、テストは InternalsVisibleTo で見る。
// 外に見えるのは、テストの WebApplicationFactory<Program> が使う Program と、EF が生成するマイグレーションだけ
public class VisibilityTests
{
    [Fact]
    public void Only_Program_and_the_generated_migrations_are_public()
    {
        var exported = typeof(Program).Assembly.GetExportedTypes()
            .Where(t => !typeof(Migration).IsAssignableFrom(t) && !typeof(ModelSnapshot).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["Program"], exported);
    }
}
