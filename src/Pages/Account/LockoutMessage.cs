using Microsoft.AspNetCore.Mvc.ModelBinding;
using MyPage.Time;

namespace MyPage.Pages.Account;

// ロック中の知らせ（ログインと退会で同じ）: マニュアルの文と、もう一度試せる時刻
public static class LockoutMessage
{
    public static void AddLockout(this ModelStateDictionary state, DateTimeOffset? until)
    {
        state.AddModelError(string.Empty, LoginTexts.Lockout);
        if (until is { } time) state.AddModelError(string.Empty, LoginTexts.RetryFrom(JapanTime.Format(time)));
    }
}
