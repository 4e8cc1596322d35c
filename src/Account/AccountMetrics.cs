using System.Diagnostics.Metrics;
using MyPage.Metrics;

namespace MyPage.Account;

// mypage.lockouts（始まったロック）、mypage.password_hash.duration（Argon2id の一回の秒数、列で待った時間は含まない）、
// mypage.password_hash.active（今計算中の数: コアの数で頭打ちなら、ログインは列で待っている）
internal sealed class AccountMetrics(IMeterFactory meters)
{
    private readonly Counter<long> lockouts = meters.Meter().CreateCounter<long>("mypage.lockouts", "{lockout}", "Lockouts started (5 wrong passwords or codes in a row)");
    private readonly Histogram<double> hashDuration = meters.Meter().CreateHistogram("mypage.password_hash.duration", "s", "Time to compute one Argon2id password hash",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2] });
    private readonly UpDownCounter<long> hashesActive = meters.Meter().CreateUpDownCounter<long>("mypage.password_hash.active", "{hash}", "Password hashes being computed now");

    public void LockoutStarted() => lockouts.Add(1);

    public void HashStarted() => hashesActive.Add(1);

    public void HashFinished(TimeSpan elapsed)
    {
        hashesActive.Add(-1);
        hashDuration.Record(elapsed.TotalSeconds);
    }
}
