using System.Diagnostics.Metrics;
using MyPage.Metrics;

namespace MyPage.Abuse;

// 数の上での上限の名前（ラベル policy）。README の上限の表の行
internal enum RateLimitPolicy { FormPosts, ClientLoginFailures, OneTimePasswordMails, ResetMails, RegistrationMails, IdChangeMails }

internal enum BotCheckResult { Shown, Passed, Failed }

// 上限で断った要求 (429) を、ほかの部品も数える（ログインの手順は、断ったのがログインのフォームならログインとして）
internal interface IFormRefusalCounter
{
    void Refused(HttpContext http);
}

// mypage.rate_limit.refusals{policy} と mypage.bot_checks{provider, result}。ラベルは決まった言葉だけ
internal sealed class AbuseMetrics(IMeterFactory meters)
{
    private readonly Counter<long> refusals = meters.Meter().CreateCounter<long>("mypage.rate_limit.refusals", "{refusal}", "Requests refused or held back by a rate limit, per policy");
    private readonly Counter<long> botChecks = meters.Meter().CreateCounter<long>("mypage.bot_checks", "{check}", "Bot checks shown, passed and failed, per provider");

    public void Refused(RateLimitPolicy policy) => refusals.Add(1, new KeyValuePair<string, object?>("policy", policy switch
    {
        RateLimitPolicy.FormPosts => "form_posts",
        RateLimitPolicy.ClientLoginFailures => "client_login_failures",
        RateLimitPolicy.OneTimePasswordMails => "one_time_password_mails",
        RateLimitPolicy.ResetMails => "reset_mails",
        RateLimitPolicy.IdChangeMails => "id_change_mails",
        _ => "registration_mails",
    }));

    // wait: JavaScript のないブラウザの待つ確認（どの部品の設定でも同じ）
    public void BotCheck(BotCheckProvider provider, BotCheckResult result, bool wait = false)
        => botChecks.Add(1,
            new("provider", wait ? "wait" : provider switch { BotCheckProvider.ProofOfWork => "proof_of_work", BotCheckProvider.ReCaptcha => "recaptcha", _ => "none" }),
            new("result", result switch { BotCheckResult.Shown => "shown", BotCheckResult.Passed => "passed", _ => "failed" }));
}
