using MyPage.Housekeeping;
using MyPage.Revocation;

namespace MyPage.PasswordReset;

internal static class PasswordResetServices
{
    // 「パスワードをお忘れの方」: 申込み (S2) と認証キーでの完了 (S3)
    public static IServiceCollection AddPasswordReset(this IServiceCollection services)
        => services.AddScoped<PasswordResets>().AddSingleton<PasswordResetMetrics>().AddGrantRevoker<ResetKeysRevoker>().AddHousekeepingStep<ResetRequestsCleanup>();
}
