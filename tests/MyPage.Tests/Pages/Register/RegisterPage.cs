using Microsoft.Playwright;
using MyPage.Pages.Register;

namespace MyPage.Tests.Pages.Register;

// 「求職者マイページを開設する（仮登録）」
public sealed class RegisterPage(IPage page) : FormScreen(page)
{
    public ILocator Email => Page.GetByLabel(RegisterTexts.EmailLabel);

    public Task GotoAsync() => Page.GotoAsync("/Register");

    public async Task SubmitAsync(string email, bool agree = true)
    {
        await Email.FillAsync(email);
        if (agree)
        {
            await Page.GetByLabel(RegisterTexts.TermsLabel).CheckAsync();
            await Page.GetByLabel(RegisterTexts.PrivacyLabel).CheckAsync();
        }
        await ClickAsync(RegisterTexts.SendButton);
    }

    public Task ExpectSentAsync() => ExpectHeadingAsync(RegisterTexts.SentTitle);
}
