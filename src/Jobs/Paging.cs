using Microsoft.EntityFrameworkCore;

namespace MyPage.Jobs;

// 一覧のページ分け。page は1から。範囲外は近いほうの端に寄せる。
internal sealed record Paging(int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int Skip => (Page - 1) * PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < Pages;

    public static Paging For(int? requested, int pageSize, int total)
    {
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new Paging(Math.Clamp(requested ?? 1, 1, pages), pageSize, total);
    }
}

// 一覧の一ページ分
internal sealed record ListPage<T>(List<T> Items, Paging Paging);

internal static class ListPage
{
    // 一覧の画面（リクエスト求人、応募、メッセージ、検索の結果）は、どれも一ページにこの数
    public const int Size = 10;

    public static async Task<ListPage<T>> OfAsync<T>(IQueryable<T> query, int? page, CancellationToken ct)
    {
        var paging = Paging.For(page, Size, await query.CountAsync(ct));
        return new(await query.Skip(paging.Skip).Take(Size).ToListAsync(ct), paging);
    }
}
