using System.Diagnostics.Metrics;
using MyPage.Metrics;

namespace MyPage.PasswordReset;

internal enum PasswordResetEvent { Requested, Mailed, Completed, Refused }

// mypage.password_resets{event}: S2 の申込み、送った認証キーのメール、S3 での完了、合わない・使えない認証キー
internal sealed class PasswordResetMetrics(IMeterFactory meters)
{
    private readonly Counter<long> resets = meters.Meter().CreateCounter<long>("mypage.password_resets", "{reset}", "Password resets requested, mailed, completed and refused");

    public void Record(PasswordResetEvent what) => resets.Add(1, new KeyValuePair<string, object?>("event", what switch
    {
        PasswordResetEvent.Requested => "requested",
        PasswordResetEvent.Mailed => "mailed",
        PasswordResetEvent.Completed => "completed",
        _ => "refused",
    }));
}
