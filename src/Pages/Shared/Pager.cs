using MyPage.Jobs;

namespace MyPage.Pages.Shared;

// 一覧のページ送り (_Pager)。Path は Url.Page で作った一覧の URL（?page= を足す）
internal sealed record Pager(Paging Paging, string Path);
