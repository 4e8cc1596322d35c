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
}
