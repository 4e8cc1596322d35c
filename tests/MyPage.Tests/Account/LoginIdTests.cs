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
}
