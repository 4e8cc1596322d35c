using System.Diagnostics.Metrics;
using MyPage.Metrics;

namespace MyPage.Mail;

internal enum SendOutcome { Sent, Retry, Failed }

// 送信待ちの表の数: mypage.outbox.waiting（送っていない行）、mypage.outbox.oldest_waiting.age（いちばん古い行の待ち時間、秒）、
// mypage.outbox.sends{outcome}（送った、あとで送り直す、送り直さない）、mypage.outbox.permanent_failures。
// 待ちの数は OutboxSender が回るたびに読んだ値（読みに来るたびにデータベースへ問い合わせない）。年齢は今の時刻から
internal sealed class OutboxMetrics : ISiteGauges
{
    private readonly TimeProvider time;
    private readonly Counter<long> sends;
    private readonly Counter<long> permanentFailures;
    private readonly ObservableGauge<long> waitingGauge;
    private readonly ObservableGauge<double> ageGauge;
    private (long Waiting, DateTimeOffset? Oldest) snapshot;

    public OutboxMetrics(IMeterFactory meters, TimeProvider time)
    {
        this.time = time;
        var meter = meters.Meter();
        sends = meter.CreateCounter<long>("mypage.outbox.sends", "{mail}", "Mail send attempts by outcome");
        permanentFailures = meter.CreateCounter<long>("mypage.outbox.permanent_failures", "{mail}", "Mails that will never be sent (the SMTP server refused the recipient or the message)");
        waitingGauge = meter.CreateObservableGauge("mypage.outbox.waiting", () => snapshot.Waiting, "{mail}", "Mails waiting in the outbox (not sent, not failed)");
        ageGauge = meter.CreateObservableGauge("mypage.outbox.oldest_waiting.age", OldestAge, "s", "Age of the oldest mail waiting in the outbox (0 when none waits)");
    }

    // 聞く者がいるときだけ待ちの数を読む（数を出していないサイトでは問い合わせない）
    public bool Observed => waitingGauge.Enabled || ageGauge.Enabled;

    public void Waiting(long count, DateTimeOffset? oldest) => snapshot = (count, oldest);

    public void Send(SendOutcome outcome)
    {
        sends.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch { SendOutcome.Sent => "sent", SendOutcome.Retry => "retry", _ => "failed" }));
        if (outcome == SendOutcome.Failed) permanentFailures.Add(1);
    }

    private double OldestAge()
        => snapshot.Oldest is { } oldest ? Math.Max(0, (time.GetUtcNow() - oldest).TotalSeconds) : 0;
}
