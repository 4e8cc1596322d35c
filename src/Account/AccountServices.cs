using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyPage.Data;
using MyPage.Housekeeping;
using MyPage.Startup;

namespace MyPage.Account;

internal static class AccountServices
{
    // 求職者のアカウント（ASP.NET Core Identity、画面は自前）と、ID・パスワードでのログイン
    public static IServiceCollection AddSeekerAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<Seeker>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters = "";
                // ロックは LoginThrottleStore が数える（未登録IDも同じに扱うため）
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<MyPageDb>()
            .AddSignInManager();
        services.Replace(ServiceDescriptor.Scoped<IUserStore<Seeker>, SeekerStore>());
        services.AddSingleton<ILookupNormalizer, LoginIdNormalizer>();
        services.AddOptions<PasswordHashingOptions>().BindConfiguration("MyPage:Passwords")
            .Refuse(o => !o.MeetsOwaspMinimum, PasswordHashingOptions.BelowMinimum).ValidateOnStart();
        services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<Seeker>, Argon2PasswordHasher>());
        services.AddSingleton<UnknownIdHash>();
        services.AddSingleton<PasswordHashingGate>();
        services.AddSingleton<AccountMetrics>();
        services.AddScoped<IPasswordValidator<Seeker>, ManualPasswordValidator>();
        services.AddScoped<LoginThrottleStore>();
        services.AddHousekeepingStep<LoginThrottleCleanup>();
        services.AddScoped<PasswordCheck>();
        return services;
    }
}
