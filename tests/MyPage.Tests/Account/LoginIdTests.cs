using MyPage.Account;

namespace MyPage.Tests.Account;

public class LoginIdTests
{
    [Theory]
    [InlineData("demo@example.jp", "demo@example.jp")]
    [InlineData("  demo@example.jp\t", "demo@example.jp")]
    [InlineData("Demo@Example.JP", "demo@example.jp")]
    [InlineData("ｄｅｍｏ＠ｅｘａｍｐｌｅ．ｊｐ", "demo@example.jp")]
    [InlineData("\u3000ＤＥＭＯ@example.jp\u3000", "demo@example.jp")]
    public void Can_normalise_an_id_to_one_form(string typed, string expected)
        => Assert.Equal(expected, LoginId.Normalize(typed));

    [Fact]
    public void Can_use_the_same_rule_for_identity_lookups()
        => Assert.Equal("demo@example.jp", new LoginIdNormalizer().NormalizeEmail(" ＤＥＭＯ@example.jp"));

    // S1、S2、仮登録、職員のコマンドで同じ一つの規則: メールを送る MailKit が、そのままの文字列に読み戻せるもの
    [Theory]
    [InlineData("demo@example.jp", true)]
    [InlineData("first.last+tag@mail.example.co.jp", true)]
    [InlineData("a_b-c@sub-domain.example.jp", true)]
    [InlineData("demo@example", false)]
    [InlineData("demo@@example.jp", false)]
    [InlineData("\"a b\"@example.jp", false)]
    [InlineData("demo@example.jp.", false)]
    [InlineData("demo@.example.jp", false)]
    [InlineData("de mo@example.jp", false)]
    [InlineData("demo(comment)@example.jp", false)]
    [InlineData("<demo@example.jp>", false)]
    [InlineData("demo@example..jp", false)]
    [InlineData("デモ@example.jp", false)]
    public void Accepts_an_address_only_when_mail_can_be_sent_to_exactly_it(string normalized, bool accepted)
        => Assert.Equal(accepted, MailAddress.IsValid(normalized));
}
