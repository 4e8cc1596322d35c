using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages;

// 画面の操作の土台（ASP.NET Core Identity の機能テストのページオブジェクトと同じ考え方）。
// ラベルとボタン名はそれぞれの画面のクラスに一度だけ書く。
public abstract class FormScreen(IPage page)
{
    protected IPage Page { get; } = page;

    public ILocator ErrorSummary => Page.Locator("#error-summary");

    protected Task ClickAsync(string button) => Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    // 「※必須」の付いたラベルの入力欄（同じ言葉で始まるほかのラベルと取り違えない）
    protected ILocator Required(string label) => Page.GetByLabel(label + "※必須", new() { Exact = true });

    // 新しいエラーのまとめにフォーカスが移るまで待つ（htmx の差し替え後も、画面の読み込み後も同じ）
    public async Task ExpectErrorAsync(string text)
    {
        await Expect(ErrorSummary).ToBeFocusedAsync();
        await Expect(ErrorSummary).ToContainTextAsync(text);
    }

    public Task ExpectHeadingAsync(string title)
        => Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1, Exact = true })).ToBeVisibleAsync();
}
