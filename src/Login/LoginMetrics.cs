using System.Diagnostics.Metrics;
using MyPage.Abuse;
using MyPage.Metrics;

namespace MyPage.Login;

// 数の上でのログインの結果（ラベル outcome）。ID、メールアドレス、接続元はラベルにしない
internal enum LoginAttemptOutcome { Success, WrongCredentials, Locked, BotCheckRequired, RateLimited }

// mypage.logins{method, outcome}: ログインの方法（表の Metric の列）ごとの結果。数えるのはログインの手順
// (PasswordLogin、CodeLogin、LoginPipeline) と、上限で断ったログインのフォーム (LoginFormAttribute) だけ
internal sealed class LoginMetrics(IMeterFactory meters) : IFormRefusalCounter
{
    private readonly Counter<long> logins = meters.Meter().CreateCounter<long>("mypage.logins", "{login}", "Login attempts by method and outcome");

    public void Record(LoginMethod method, LoginAttemptOutcome outcome)
        => logins.Add(1, new("method", LoginMethods.Row(method).Metric), new("outcome", outcome switch
        {
            LoginAttemptOutcome.Success => "success",
            LoginAttemptOutcome.WrongCredentials => "wrong_credentials",
            LoginAttemptOutcome.Locked => "locked",
            LoginAttemptOutcome.BotCheckRequired => "bot_check_required",
            _ => "rate_limited",
        }));

    // 接続元ごとの上限 (429) で断ったフォームが、ログインのフォームなら
    public void Refused(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<LoginFormAttribute>() is { } form) Record(form.Method, LoginAttemptOutcome.RateLimited);
    }
}

// この画面の送信はログインの一歩（上限で断ったとき、その方法のログインとして数える）
[AttributeUsage(AttributeTargets.Class)]
internal sealed class LoginFormAttribute(LoginMethod method) : Attribute
{
    public LoginMethod Method { get; } = method;
}
