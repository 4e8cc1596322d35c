using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Mynaportal;

namespace MyPage.Pages.Account;

// S7「ID(メールアドレス)を忘れた場合」: 窓口での確認依頼。マイナポータルと連携していれば、そこから入って ID を変えられる
[AllowAnonymous]
internal class ForgotIdModel(IOptions<MynaportalOptions> mynaportal) : PageModel
{
    // マイナポータルの入口（設定されていなければ案内しない）
    public string? MynaportalPortal => mynaportal.Value.Enabled ? mynaportal.Value.Portal : null;
}
