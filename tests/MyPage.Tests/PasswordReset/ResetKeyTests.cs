using MyPage.PasswordReset;

namespace MyPage.Tests.PasswordReset;

public class ResetKeyTests
{
    [Fact]
    public void Can_generate_eight_random_digits()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => ResetKey.Generate()).ToList();
        Assert.All(keys, k => Assert.Matches("^[0-9]{8}$", k));
        Assert.True(keys.Distinct().Count() > 190);
    }

    [Theory]
    [InlineData("12345678", "12345678")]
    [InlineData("１２３４５６７８", "12345678")]
    [InlineData(" 1234-5678 ", "12345678")]
    [InlineData("1234 5678", "12345678")]
    [InlineData("１２３４－５６７８", "12345678")]
    public void Can_accept_a_key_as_people_type_it(string typed, string expected)
        => Assert.Equal(expected, ResetKey.Normalize(typed));

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("1234567a")]
    [InlineData("")]
    [InlineData(null)]
    public void Cannot_accept_anything_but_eight_digits(string? typed)
        => Assert.Null(ResetKey.Normalize(typed));

    [Fact]
    public void Can_verify_only_the_right_key_against_its_salted_hash()
    {
        var stored = ResetKey.Hash("12345678");
        Assert.DoesNotContain("12345678", stored);
        Assert.NotEqual(stored, ResetKey.Hash("12345678"));
        Assert.True(ResetKey.Verify("12345678", stored));
        Assert.False(ResetKey.Verify("12345679", stored));
    }
}
