using Microsoft.Playwright;
using MyPage.Pages.Account;

namespace MyPage.Tests.Pages.Account;

// S3「パスワード再登録」
public sealed class ResetPasswordPage(IPage page) : FormScreen(page)
{
    public ILocator NewPassword => Required(PasswordResetTexts.NewPasswordLabel);
    public ILocator Confirm => Required(PasswordResetTexts.ConfirmLabel);
    public ILocator Key => Required(PasswordResetTexts.KeyLabel);

    public async Task SubmitAsync(string password, string confirm, string key)
    {
        await NewPassword.FillAsync(password);
        await Confirm.FillAsync(confirm);
        await Key.FillAsync(key);
        await ClickAsync(PasswordResetTexts.Complete);
    }

    public Task ExpectOpenAsync() => ExpectHeadingAsync(PasswordResetTexts.ResetTitle);
    public Task ExpectDoneAsync() => ExpectHeadingAsync(PasswordResetTexts.DoneTitle);
}
