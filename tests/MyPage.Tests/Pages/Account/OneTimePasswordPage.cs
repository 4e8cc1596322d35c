using Microsoft.Playwright;
using MyPage.OneTimePassword;
using MyPage.Pages.Account;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages.Account;

// 「ワンタイムパスワード入力」。ラベルとボタン名は画面の文言のとおりに探す。
public sealed class OneTimePasswordPage(IPage page) : FormScreen(page)
{
    public ILocator Code => Required(OneTimePasswordTexts.Label);
    public ILocator Trust => Page.GetByLabel(OneTimePasswordTexts.Trust);

    public Task ExpectShownAsync() => ExpectHeadingAsync(OneTimePasswordTexts.Title);

    // メールで届いたコードを入れて「送信」
    public async Task SubmitAsync(string code, bool trust = false)
    {
        await Code.FillAsync(code);
        if (trust) await Trust.CheckAsync();
        await ClickAsync(OneTimePasswordTexts.Submit);
    }

    public Task ResendAsync() => ClickAsync(OneTimePasswordTexts.Resend);

    // 届いた n 通目の「ワンタイムパスワードのお知らせ」のコード
    public static async Task<string> MailedCodeAsync(MyPageApp app, string to, int count = 1)
        => Mails.Code(await app.Smtp.WaitForAsync(to, OneTimePasswordMails.Subject, count));

    public ILocator Status => Page.Locator("#otp-form .status");
}
