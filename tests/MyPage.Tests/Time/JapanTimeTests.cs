using MyPage.Time;

namespace MyPage.Tests.Time;

public class JapanTimeTests
{
    [Fact]
    public void Can_show_a_time_as_the_manual_does_in_japan_time()
        => Assert.Equal("2021年09月21日 10時00分", JapanTime.Format(new DateTimeOffset(2021, 9, 21, 1, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Can_roll_over_the_date_at_japanese_midnight()
        => Assert.Equal("2021年09月22日 00時30分", JapanTime.Format(new DateTimeOffset(2021, 9, 21, 15, 30, 0, TimeSpan.Zero)));

    // 日付だけのとき（求人の受付年月日、紹介期限日）も、日時と同じ書き方
    [Fact]
    public void Shows_a_date_the_same_way_as_the_date_of_a_time()
    {
        Assert.Equal("2021年09月01日", JapanTime.FormatDate(new DateOnly(2021, 9, 1)));
        var instant = new DateTimeOffset(2021, 9, 1, 0, 5, 0, TimeSpan.FromHours(9));
        Assert.StartsWith(JapanTime.FormatDate(new DateOnly(2021, 9, 1)) + " ", JapanTime.Format(instant), StringComparison.Ordinal);
    }
}
