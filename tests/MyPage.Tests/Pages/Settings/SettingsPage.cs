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

    // 「マイナポータル連携開始」: 確認のためのいまのパスワードと一緒に
    public async Task StartLinkingAsync(string password)
    {
        await Password.FillAsync(password);
        await ClickAsync(MynaportalTexts.StartLinking);
    }
    public Task UnlinkAsync() => ClickAsync(MynaportalTexts.Unlink);

    public Task ExpectNotLinkedAsync() => Expect(LinkStatus).ToHaveTextAsync(SettingsTexts.NotLinked);
    public Task ExpectLinkedAsync() => Expect(LinkStatus).ToContainTextAsync("連携済み");
}
