using Microsoft.Playwright;
using MyPage.Pages.Mynaportal;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Mynaportal;

// 模擬マイナポータルの操作。どの待ちも、行き先の画面が見えるまで待つ（一度だけ数えて分岐しない）。
public sealed class MockMynaportalPage(IPage page, Uri mock, Uri myPage)
{
    public const string Taro = "マイナ 太郎";
    public const string Hanako = "マイナ 花子";

    // マニュアル 3.1 (2) の手順: マイナポータルにログイン →「もっとつながる」→「厚生労働省ハローワークインターネットサービス」
    public async Task SignInFromMottoAsync(string person = Taro)
    {
        await page.GotoAsync(mock.ToString());
        var login = page.GetByRole(AriaRole.Link, new() { Name = "ログイン", Exact = true });
        var motto = page.GetByRole(AriaRole.Link, new() { Name = "もっとつながる" });
        await Expect(login.Or(motto)).ToBeVisibleAsync();
        if (await login.IsVisibleAsync())
        {
            await login.ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = person, Exact = true }).ClickAsync();
        }
        await motto.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "つながっているウェブサイト" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = MynaportalTexts.SiteName }).ClickAsync();
        await page.WaitForURLAsync(IsBackOnMyPage, Committed);
    }

    // 「マイナポータル連携開始」のあと: マイナポータルにログインを求められたらその人で、すでにログイン済みなら戻るのを待つ
    public async Task LogInIfAskedAsync(string person)
    {
        await page.WaitForURLAsync(url => IsMockLogin(url) || IsBackOnMyPage(url), Committed);
        if (IsMockLogin(page.Url)) await page.GetByRole(AriaRole.Button, new() { Name = person, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(IsBackOnMyPage, Committed);
    }

    // 行き先が決まった（コミットされた）ところまで待つ。その先は、次の操作や Expect が要素を待つ。
    // "load" まで待つと、同じ URL を二度待ったとき、負荷の下で load の知らせが先に届いて取りこぼされ、
    // 30 秒待って失敗したことがある (Playwright の既定 WaitUntil = Load)
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    private bool IsMockLogin(string url) => url.StartsWith(mock + "login", StringComparison.Ordinal);

    // My Page に戻り、OpenID Connect の途中の画面（戻り先の処理）を抜けた
    private bool IsBackOnMyPage(string url)
        => url.StartsWith(myPage.ToString(), StringComparison.Ordinal)
            && !url.Contains("/signin-mynaportal", StringComparison.Ordinal)
            && !url.Contains("/Mynaportal/Start", StringComparison.Ordinal)
            && !url.Contains("/Mynaportal/Callback", StringComparison.Ordinal);
}
