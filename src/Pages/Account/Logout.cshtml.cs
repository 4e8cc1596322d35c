using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;

namespace MyPage.Pages.Account;

// ログアウトはセッションが切れていても受け付ける（Cookie を消して、ログイン画面で知らせる）
[AllowAnonymous]
internal class LogoutModel(SignInManager<Seeker> signIn) : PageModel
{
    // GET ではログアウトしない（他サイトからのリンクで勝手にログアウトさせない）
    public IActionResult OnGet() => RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // サーバー側のセッションも消える (ServerSessionStore.RemoveAsync)
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login", new { status = LoginTexts.SignedOutStatus });
    }
}
