namespace MyPage.Time;

// 画面とメールに出す時刻はすべて日本時間。日本に夏時間はないので固定の +9 時間。
public static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset From(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(From(time.GetUtcNow()).DateTime);

    public static DateTimeOffset FromUnixMilliseconds(long ms) => From(DateTimeOffset.FromUnixTimeMilliseconds(ms));

    // 例: 2021年9月21日（求人票の日付の書き方）
    public static string FormatDate(DateOnly date)
        => date.ToString("yyyy'年'M'月'd'日'", System.Globalization.CultureInfo.InvariantCulture);

    // 例: 2021年09月21日 10時00分（マニュアルの「前回のログイン日時」の書き方）
    public static string Format(DateTimeOffset instant)
        => From(instant).ToString("yyyy'年'MM'月'dd'日' HH'時'mm'分'", System.Globalization.CultureInfo.InvariantCulture);
}
