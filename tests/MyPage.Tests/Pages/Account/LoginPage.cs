using Microsoft.Playwright;
using MyPage.Pages.Account;
using MyPage.Pages.Home;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Account;

// S1「求職者マイページログイン」。マニュアルのラベルとボタン名で探す。
public sealed class LoginPage(IPage page) : FormScreen(page)
{
    public ILocator Id => Page.GetByLabel(LoginTexts.IdLabel);
    public ILocator Password => Page.GetByLabel(LoginTexts.PasswordLabel);

    public Task GotoAsync() => Page.GotoAsync("/Account/Login");

    public async Task SubmitAsync(string id, string password)
    {
        await Id.FillAsync(id);
        await Password.FillAsync(password);
        await ClickAsync(LoginTexts.Submit);
    }

    public Task ExpectHomeAsync() => ExpectHeadingAsync(HomeTexts.Title);

    public ILocator Lockout => Page.Locator("#lockout");

    // ロックの知らせ（見出し付きの枠）にフォーカスが移り、マニュアルの文ともう一度試せる時刻が出る
    public async Task ExpectLockedAsync(string? retry = null)
    {
        await Expect(Lockout).ToBeFocusedAsync();
        await Expect(Lockout).ToContainTextAsync(LoginTexts.LockedHeading);
        await Expect(Lockout).ToContainTextAsync(LoginTexts.Lockout);
        if (retry is not null) await Expect(Lockout).ToContainTextAsync(retry);
    }

    // ログインしてホームまで
    public async Task LogInAsync(string id, string password)
    {
        await GotoAsync();
        await SubmitAsync(id, password);
        await ExpectHomeAsync();
    }

    // ログアウトして、S1 の「ログアウトしました。」まで待つ（次の移動と重ならないように）
    public async Task LogOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = MyPage.Pages.Shared.NavigationTexts.Logout }).ClickAsync();
        await ExpectStatusAsync(LoginTexts.SignedOut);
    }

    public Task ExpectStatusAsync(string text) => Expect(Page.Locator("#status")).ToHaveTextAsync(text);
}
