using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;

namespace MyPage.Pages.Account;

public class LogoutModel(SignInManager<Seeker> signIn) : PageModel
{
    // GET ではログアウトしない（他サイトからのリンクで勝手にログアウトさせない）
    public IActionResult OnGet() => RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // サーバー側のセッションも消える (ServerSessionStore.RemoveAsync)
        await signIn.SignOutAsync();
        return LocalRedirect("/Account/Login?status=signed-out");
    }
}
