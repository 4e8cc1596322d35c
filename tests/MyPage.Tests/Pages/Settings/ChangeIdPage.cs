using Microsoft.Playwright;
using MyPage.Pages.Settings;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Settings;

// 「ID(メールアドレス)の変更」と、認証キーを入れる「ID(メールアドレス)変更の確認」。マニュアルの言葉のラベルとボタンで探す
public sealed class ChangeIdPage(IPage page) : FormScreen(page)
{
    public ILocator NewId => Required(IdChangeTexts.NewIdLabel);
    public ILocator ConfirmId => Required(IdChangeTexts.ConfirmIdLabel);
    public ILocator Password => Required(SettingsTexts.WithdrawPasswordLabel);
    public ILocator Key => Required(IdChangeTexts.KeyLabel);
    public ILocator Lockout => Page.Locator("#lockout");

    // 「求職者情報・設定」から
    public async Task OpenFromSettingsAsync()
    {
        await Page.GotoAsync("/Settings");
        await Page.GetByRole(AriaRole.Link, new() { Name = IdChangeTexts.SettingsLink }).ClickAsync();
        await ExpectHeadingAsync(IdChangeTexts.Title);
    }

    // password: null ならパスワードの欄に触らない（マイナポータルからログインして10分以内は、欄がない）
    public async Task RequestAsync(string newId, string? confirm = null, string? password = null)
    {
        await NewId.FillAsync(newId);
        await ConfirmId.FillAsync(confirm ?? newId);
        if (password is not null) await Password.FillAsync(password);
        await ClickAsync(IdChangeTexts.Next);
    }

    public Task ExpectKeyScreenAsync() => ExpectHeadingAsync(IdChangeTexts.KeyTitle);

    public async Task ConfirmAsync(string key)
    {
        await Key.FillAsync(key);
        await ClickAsync(IdChangeTexts.Change);
    }

    // 変わったら「求職者情報・設定」へ戻り、新しい ID とその知らせ
    public async Task ExpectChangedAsync(string newId)
    {
        await ExpectHeadingAsync(SettingsTexts.Title);
        await Expect(Page.Locator("#status")).ToHaveTextAsync(IdChangeTexts.Changed(newId));
        await Expect(Page.Locator("#login-id")).ToHaveTextAsync(newId);
    }
}
