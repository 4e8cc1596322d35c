namespace MyPage.Jobs;

// 一覧のページ分け。page は1から。範囲外は近いほうの端に寄せる。
public sealed record Paging(int Page, int PageSize, int Total)
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
