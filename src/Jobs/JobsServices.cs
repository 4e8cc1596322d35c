using MyPage.Startup;

namespace MyPage.Jobs;

public static class JobsServices
{
    // 求職者マイページホームの中身: リクエスト求人、応募、メッセージ、保存した検索条件、外へのリンク
    public static IServiceCollection AddSeekerJobs(this IServiceCollection services, IConfiguration config)
    {
        const string section = "MyPage:Links";
        services.AddScoped<SeekerJobs>();
        services.AddOptions<HomeLinks>().Bind(config.GetSection(section))
            .Refuse(o => !SettingChecks.IsHttpsOrLoopback(o.TrainingSearch), o => SettingChecks.Line($"{section}:TrainingSearch", o.TrainingSearch, "https の URL にしてください。", "must be an https URL."))
            .Refuse(o => !SettingChecks.IsHttpsOrLoopback(o.EventSearch), o => SettingChecks.Line($"{section}:EventSearch", o.EventSearch, "https の URL にしてください。", "must be an https URL."))
            .ValidateOnStart();
        return services;
    }
}
