using Microsoft.Playwright;
using MyPage.Pages.Settings;

namespace MyPage.Tests.Pages.Settings;

// 「退会」
public sealed class WithdrawPage(IPage page) : FormScreen(page)
{
    public Task GotoAsync() => Page.GotoAsync("/Settings/Withdraw");

    public async Task SubmitAsync(string password)
    {
        await Page.GetByLabel(SettingsTexts.WithdrawPasswordLabel).FillAsync(password);
        await ClickAsync(SettingsTexts.WithdrawButton);
    }

    public Task ExpectWithdrawnAsync() => ExpectHeadingAsync(MyPage.Pages.Account.WithdrawnTexts.Title);
}
