using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyPage.Data;

namespace MyPage.Pages.Shared;

// ログインしている求職者（要求ごとに一つ）。ID だけならクレームから読み（データベースは読まない）、
// 求職者の行が要るときは一度だけ読む。null ならログインしていないか、もういない（退会した）: 画面は Challenge() を返す。
// UserManager は使わない（作るたびに測定の計器を錠の下で探す: ログインしている人のどの画面でも払うことになる。IdentityMetricsTests）
internal sealed class CurrentSeeker(IHttpContextAccessor http, MyPageDb db, IOptions<IdentityOptions> identity)
{
    private Seeker? seeker;

    public string? Id => http.HttpContext!.User.FindFirst(identity.Value.ClaimsIdentity.UserIdClaimType)?.Value;

    public async Task<Seeker?> FindAsync()
        => seeker ??= Id is { } id ? await db.Users.SingleOrDefaultAsync(s => s.Id == id) : null;
}
