using MyPage.Account;

namespace MyPage.Tests.Account;

public class PasswordRuleTests
{
    [Theory]
    [InlineData("Abcdef1!")]                          // 8文字
    [InlineData("Demo-pass-2026")]
    [InlineData("a1~bbbbbbbbbbbbbbbbbbbbbbbbbbbbb")]  // 32文字
    public void Can_set_a_password_with_digits_letters_and_symbols(string password)
        => Assert.Null(PasswordRule.Check(password));

    [Theory]
    [InlineData("Abcde1!")]                            // 7文字
    [InlineData("a1~bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")]  // 33文字
    public void Cannot_set_a_password_outside_8_to_32_characters(string password)
        => Assert.Equal(PasswordRule.Length, PasswordRule.Check(password));

    [Theory]
    [InlineData("abcdefgh!")]   // 数字なし
    [InlineData("12345678!")]   // 英字なし
    [InlineData("abcd12345")]   // 記号なし
    public void Cannot_set_a_password_missing_a_kind(string password)
        => Assert.Equal(PasswordRule.Mix, PasswordRule.Check(password));

    [Theory]
    [InlineData("Ａbcdef1!")]   // 全角英字
    [InlineData("abcdef１!")]   // 全角数字
    [InlineData("パスワード1a!")]
    public void Cannot_set_a_full_width_password_and_is_told_why(string password)
        => Assert.Equal(PasswordRule.FullWidth, PasswordRule.Check(password));

    [Theory]
    [InlineData("abc def1!")]
    [InlineData("abc\u3000def1!")]
    public void Cannot_set_a_password_with_spaces(string password)
        => Assert.Equal(PasswordRule.Space, PasswordRule.Check(password));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Cannot_set_an_empty_password(string? password)
        => Assert.Equal(PasswordRule.Required, PasswordRule.Check(password));
}
