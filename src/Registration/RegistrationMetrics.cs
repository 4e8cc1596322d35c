using System.Diagnostics.Metrics;
using MyPage.Metrics;

namespace MyPage.Registration;

internal enum RegistrationStage { Requested, Completed }

// mypage.registrations{stage}: 仮登録の申込みと、本登録で開いた口座
internal sealed class RegistrationMetrics(IMeterFactory meters)
{
    private readonly Counter<long> registrations = meters.Meter().CreateCounter<long>("mypage.registrations", "{registration}", "Registrations requested (provisional) and completed");

    public void Record(RegistrationStage stage)
        => registrations.Add(1, new KeyValuePair<string, object?>("stage", stage == RegistrationStage.Requested ? "requested" : "completed"));
}
