using MyPage.Startup;

namespace MyPage.Jobs;

internal static class JobsServices
{
    // 求職者マイページホームの中身と、そこから開く画面: リクエスト求人、応募、求人票、メッセージ、保存した検索条件、外へのリンク。
    // 画面ごとに一つ（求人票を見てよいかは VisibleJobs の一か所）
    public static IServiceCollection AddSeekerJobs(this IServiceCollection services, IConfiguration config)
    {
        const string section = "MyPage:Links";
        services.AddScoped<HomeJobs>();
        services.AddScoped<RequestedJobs>();
        services.AddScoped<AppliedJobs>();
        services.AddScoped<VisibleJobs>();
        services.AddScoped<Inbox>();
        services.AddScoped<JobSearches>();
        services.AddOptions<HomeLinks>().Bind(config.GetSection(section))
            .Refuse(o => !SettingChecks.IsHttpsOrLoopback(o.TrainingSearch), o => SettingChecks.Line($"{section}:TrainingSearch", o.TrainingSearch, "https の URL にしてください。", "must be an https URL."))
            .Refuse(o => !SettingChecks.IsHttpsOrLoopback(o.EventSearch), o => SettingChecks.Line($"{section}:EventSearch", o.EventSearch, "https の URL にしてください。", "must be an https URL."))
            .ValidateOnStart();
        return services;
    }
}
