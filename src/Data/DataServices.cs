using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace MyPage.Data;

internal static class DataServices
{
    // データ: EF Core で SQLite（既定）か PostgreSQL（MyPage:Database:Provider）。接続文字列は ConnectionStrings:MyPage。
    // Data Protection の鍵もデータベースに置く（再起動しても、二つ目のインスタンスでも Cookie と CSRF トークンが通る）。
    // generatesKeys: false なら Data Protection の鍵を作らない（職員のコマンド: 鍵を作るのはサイトだけ。
    // 設定の違うコマンドが鍵の束に書き込んで、インスタンスの間で鍵が分かれることがないように）
    public static IServiceCollection AddMyPageData(this IServiceCollection services, IConfiguration config, bool generatesKeys = true)
    {
        services.AddOptions<DatabaseOptions>().Bind(config.GetSection("MyPage:Database")).ValidateOnStart();
        var provider = DatabaseOptions.ProviderFrom(config);
        var connection = config.GetConnectionString("MyPage") is { Length: > 0 } given ? given
            : throw new StartupException($"ConnectionStrings:MyPage が設定されていません (MyPage:Database:Provider={provider})。 / ConnectionStrings:MyPage is not set.");
        // コンテキストは使い回す (プール): 要求ごとに設定を組み立て、コンテキストを作る手間が、ログインの画面の CPU の 15% ほどだった。
        // 使い終わると EF が状態を戻すので、コンテキストに要求ごとの状態を持たせないこと
        if (provider == DatabaseProvider.PostgreSQL)
            services.AddDbContextPool<MyPageDb, PostgreSqlDb>(o => o.UseNpgsql(connection));
        else
            services.AddDbContextPool<MyPageDb>(o => o.UseSqlite(connection).AddInterceptors(new SqliteConnectionSettings()));
        services.AddHealthEndpoints();
        var protection = services.AddDataProtection().SetApplicationName("MyPage").PersistKeysToDbContext<MyPageDb>();
        DataProtectionCertificate.Protect(protection, config);
        if (!generatesKeys) protection.DisableAutomaticKeyGeneration();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
