using Microsoft.Playwright;
using MyPage.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Account;

// 「求職者マイページログイン」画面の操作。マニュアルのラベルとボタン名で探す。
public sealed class LoginPage(IPage page)
{
    public ILocator Id => page.GetByLabel(LoginTexts.IdLabel);
    public ILocator Password => page.GetByLabel(LoginTexts.PasswordLabel);
    public ILocator ErrorSummary => page.Locator("#error-summary");

    public async Task SubmitAsync(string id, string password)
    {
        await Id.FillAsync(id);
        await Password.FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = LoginTexts.Submit }).ClickAsync();
    }

    // 新しいエラーのまとめにフォーカスが移るまで待つ（htmx の差し替え後も、画面の読み込み後も同じ）
    public async Task ExpectErrorAsync(string text)
    {
        await Expect(ErrorSummary).ToBeFocusedAsync();
        await Expect(ErrorSummary).ToContainTextAsync(text);
    }

    public Task ExpectHomeAsync()
        => Expect(page.GetByRole(AriaRole.Heading, new() { Name = "求職者マイページホーム", Level = 1 })).ToBeVisibleAsync();
}
