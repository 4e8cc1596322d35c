using Microsoft.Playwright;
using MyPage.Pages.Account;

namespace MyPage.Tests.Pages.Account;

// S2「求職者マイページパスワード再登録」
public sealed class ForgotPasswordPage(IPage page) : FormScreen(page)
{
    public ILocator Id => Page.GetByLabel(LoginTexts.IdLabel);

    public Task GotoAsync() => Page.GotoAsync("/Account/ForgotPassword");

    public async Task SubmitAsync(string id)
    {
        await Id.FillAsync(id);
        await ClickAsync(PasswordResetTexts.Next);
    }

    public Task CancelAsync() => Page.GetByRole(AriaRole.Link, new() { Name = PasswordResetTexts.Cancel }).ClickAsync();
}
