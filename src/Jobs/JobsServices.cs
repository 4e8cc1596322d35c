namespace MyPage.Jobs;

public static class JobsServices
{
    // 求職者マイページホームの中身: リクエスト求人、応募、メッセージ、保存した検索条件、外へのリンク
    public static IServiceCollection AddSeekerJobs(this IServiceCollection services, IConfiguration config)
        => services.AddScoped<SeekerJobs>().Configure<HomeLinks>(config.GetSection("MyPage:Links"));
}
