using Microsoft.Playwright;
using MyPage.Pages.Register;

namespace MyPage.Tests.Pages.Register;

// 「求職者マイページを開設する（本登録）」: パスワードと基本情報
public sealed class CompletePage(IPage page) : FormScreen(page)
{
    public ILocator Id => Page.Locator("#register-id");

    public async Task FillAsync(string password)
    {
        await Required(RegisterTexts.PasswordLabel).FillAsync(password);
        await Required(RegisterTexts.ConfirmLabel).FillAsync(password);
        await Page.GetByLabel("氏名（姓）").FillAsync("厚生");
        await Page.GetByLabel("氏名（名）").FillAsync("花子");
        await Page.GetByLabel("フリガナ（セイ）").FillAsync("こうせい");
        await Page.GetByLabel("フリガナ（メイ）").FillAsync("はなこ");
        await Page.GetByLabel("年", new() { Exact = true }).FillAsync("1988");
        await Page.GetByLabel("月", new() { Exact = true }).FillAsync("12");
        await Page.GetByLabel("日", new() { Exact = true }).FillAsync("３");
        await Page.GetByLabel("郵便番号").FillAsync("１０２８３０６");
        await Page.GetByLabel("都道府県").SelectOptionAsync("東京都");
        await Page.GetByLabel("電話番号").FillAsync("090-1234-5678");
    }

    public Task SubmitAsync() => ClickAsync(RegisterTexts.RegisterButton);

    public Task ExpectDoneAsync() => ExpectHeadingAsync(RegisterTexts.DoneTitle);
}
