using MyPage.Housekeeping;
using MyPage.Revocation;

namespace MyPage.IdChange;

internal static class IdChangeServices
{
    // 「ID(メールアドレス)の変更」: 新しいアドレスへの認証キー、その確認、窓口での変更 (staff change-id)
    public static IServiceCollection AddIdChange(this IServiceCollection services)
        => services.AddScoped<IdChanges>().AddGrantRevoker<IdChangeKeysRevoker>().AddHousekeepingStep<IdChangeRequestsCleanup>();
}
