namespace MyPage.Time;

// 画面とメールに出す時刻はすべて日本時間。日本に夏時間はないので固定の +9 時間。
internal static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset From(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(From(time.GetUtcNow()).DateTime);

    // 日付と日時の書き方はサイトで一つ: マニュアルの「前回のログイン日時」の例 「2021年09月21日 10時00分」 と同じく、
    // 月・日・時を2桁で（日付だけのとき、例: 受付年月日 2021年09月21日）
    private const string DatePattern = "yyyy'年'MM'月'dd'日'";

    public static string FormatDate(DateOnly date)
        => date.ToString(DatePattern, System.Globalization.CultureInfo.InvariantCulture);

    // 秒まで（待つ確認の「このボタンは 14時05分20秒 から押せます」）
    public static string FormatTime(DateTimeOffset instant)
        => From(instant).ToString("HH'時'mm'分'ss'秒'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset instant)
        => From(instant).ToString(DatePattern + " HH'時'mm'分'", System.Globalization.CultureInfo.InvariantCulture);
}
