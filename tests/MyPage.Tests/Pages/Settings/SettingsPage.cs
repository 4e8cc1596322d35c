using Microsoft.Playwright;
using MyPage.Pages.Mynaportal;
using MyPage.Pages.Settings;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Settings;

// 「求職者情報・設定」: 3.4「マイナポータルとつなげる」
public sealed class SettingsPage(IPage page) : FormScreen(page)
{
    public ILocator LinkStatus => Page.Locator("#mynaportal-status");
    public ILocator Status => Page.Locator("#status");

    public Task GotoAsync() => Page.GotoAsync("/Settings");

    public ILocator Password => Page.GetByLabel(SettingsTexts.WithdrawPasswordLabel);

    // 「マイナポータル連携開始」: 確認のためのいまのパスワードと一緒に。送った先へ移るまで待つ
    // （マイナポータルのログイン、戻ってきた設定の画面、またはパスワードの誤り。どれも送る前とは違う URL）。
    // 移った先が決まるまで（コミット）。その先の要素は、次の操作が待つ。
    // expectNavigation: false は htmx でフォームだけが差し替わるとき（パスワードの誤り: URL は変わらない）
    public async Task StartLinkingAsync(string password, bool expectNavigation = true)
    {
        var before = Page.Url;
        await Password.FillAsync(password);
        await ClickAsync(MynaportalTexts.StartLinking);
        if (expectNavigation) await Page.WaitForURLAsync(url => url != before, new() { WaitUntil = WaitUntilState.Commit });
    }
    // 「連携解除」: これも、いまのパスワードと一緒に
    public async Task UnlinkAsync(string password)
    {
        await Page.Locator("#unlink-password").FillAsync(password);
        await ClickAsync(MynaportalTexts.Unlink);
    }

    public Task ExpectNotLinkedAsync() => Expect(LinkStatus).ToHaveTextAsync(SettingsTexts.NotLinked);
    public Task ExpectLinkedAsync() => Expect(LinkStatus).ToContainTextAsync("連携済み");
}
