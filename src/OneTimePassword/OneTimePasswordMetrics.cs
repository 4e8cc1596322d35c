using System.Diagnostics.Metrics;
using MyPage.Metrics;

namespace MyPage.OneTimePassword;

internal enum OneTimePasswordEvent { Sent, Passed, Voided }

// mypage.one_time_passwords{event}: 送ったコード（再送も）、合ったコード、誤りが多すぎて使えなくしたログイン
internal sealed class OneTimePasswordMetrics(IMeterFactory meters)
{
    private readonly Counter<long> codes = meters.Meter().CreateCounter<long>("mypage.one_time_passwords", "{code}", "One-time passwords sent, passed and voided");

    public void Record(OneTimePasswordEvent what) => codes.Add(1, new KeyValuePair<string, object?>("event", what switch
    {
        OneTimePasswordEvent.Sent => "sent",
        OneTimePasswordEvent.Passed => "passed",
        _ => "voided",
    }));
}
