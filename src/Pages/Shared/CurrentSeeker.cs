using Microsoft.AspNetCore.Identity;
using MyPage.Data;

namespace MyPage.Pages.Shared;

// ログインしている求職者（要求ごとに一つ）。ID だけならクレームから読み（データベースは読まない）、
// 求職者の行が要るときは一度だけ読む。null ならログインしていないか、もういない（退会した）: 画面は Challenge() を返す
internal sealed class CurrentSeeker(IHttpContextAccessor http, UserManager<Seeker> users)
{
    private Seeker? seeker;

    public string? Id => users.GetUserId(http.HttpContext!.User);

    public async Task<Seeker?> FindAsync() => seeker ??= await users.GetUserAsync(http.HttpContext!.User);
}
