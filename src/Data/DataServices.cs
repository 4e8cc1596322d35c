using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace MyPage.Data;

public static class DataServices
{
    // データ: SQLite + EF Core（接続文字列は ConnectionStrings:MyPage）。
    // Data Protection の鍵もデータベースに置く（再起動しても、二つ目のインスタンスでも Cookie と CSRF トークンが通る）。
    public static IServiceCollection AddMyPageData(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<DatabaseOptions>(config.GetSection("MyPage:Database"));
        services.AddDbContext<MyPageDb>(o => o
            .UseSqlite(config.GetConnectionString("MyPage")
                ?? throw new InvalidOperationException("ConnectionStrings:MyPage が設定されていません。"))
            .AddInterceptors(new SqliteConnectionSettings()));
        DataProtectionCertificate.Protect(services.AddDataProtection().SetApplicationName("MyPage").PersistKeysToDbContext<MyPageDb>(), config);
        services.AddSingleton<MyPage.Security.SiteSecrets>();
        services.AddSingleton<MyPage.Security.IdTags>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
