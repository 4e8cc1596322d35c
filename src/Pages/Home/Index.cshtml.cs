using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Data;

namespace MyPage.Pages.Home;

public class IndexModel(UserManager<Seeker> users) : PageModel
{
    public Seeker Seeker { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var seeker = await users.GetUserAsync(User);
        if (seeker is null) return Challenge();
        Seeker = seeker;
        return Page();
    }
}
