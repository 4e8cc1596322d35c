using MyPage.Abuse;

namespace MyPage.Login;

internal static class LoginServices
{
    // ログインの方法の表と、ログインを済ませるただ一つの手順 (LoginPipeline)
    public static IServiceCollection AddLoginPipeline(this IServiceCollection services)
    {
        services.AddScoped<LoginPipeline>();
        services.AddSingleton<LoginMetrics>();
        services.AddSingleton<IFormRefusalCounter>(s => s.GetRequiredService<LoginMetrics>());
        services.AddScoped<PasswordLogin>();
        services.AddScoped<CodeLogin>();
        return services;
    }
}
