using MyPage.Housekeeping;

namespace MyPage.Registration;

internal static class RegistrationServices
{
    // 「求職者マイページを開設する」（仮登録 → 本登録）と退会
    public static IServiceCollection AddRegistration(this IServiceCollection services)
        => services.AddScoped<Registrations>().AddSingleton<RegistrationMetrics>().AddScoped<Withdrawals>().AddHousekeepingStep<RegistrationRequestsCleanup>();
}
