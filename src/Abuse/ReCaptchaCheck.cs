using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using MyPage.Security;

namespace MyPage.Abuse;

// Google reCAPTCHA v3。トークンをサーバーから siteverify に送り、success、action、hostname、score を確かめる
// （AspNetCore.ReCaptcha と同じ確かめ方）。つながらない、時間切れ、読めない応答は、確認の失敗 (Unavailable) として扱う。
internal sealed class ReCaptchaCheck(HttpClient client, IOptions<BotCheckOptions> options, IOptions<PublicUrlOptions> site, RequestOrigins origins, ILogger<ReCaptchaCheck> log) : IBotCheck
{
    private ReCaptchaOptions Options => options.Value.ReCaptcha;

    public BotCheckProvider Provider => BotCheckProvider.ReCaptcha;

    public Task<BotCheckWidget> WidgetAsync(HttpContext http, string action, CancellationToken ct = default)
        => Task.FromResult(new BotCheckWidget(Provider, action, SiteKey: Options.SiteKey, ScriptUrl: Options.ScriptUrl));

    public async Task<BotCheckOutcome> VerifyAsync(HttpContext http, string? response, string action, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(response)) return BotCheckOutcome.Missing;
        if (response.Length > 4000) return BotCheckOutcome.Failed;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["secret"] = Options.SecretKey ?? "",
            ["response"] = response,
            ["remoteip"] = origins.Of(http).Address?.ToString() ?? "",
        });
        Verification? result;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Options.Timeout);
            using var answer = await client.PostAsync(Options.VerifyUrl, form, timeout.Token);
            if (!answer.IsSuccessStatusCode)
            {
                log.ReCaptchaUnavailable($"HTTP {(int)answer.StatusCode}");
                return BotCheckOutcome.Unavailable;
            }
            result = await answer.Content.ReadFromJsonAsync<Verification>(timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            log.ReCaptchaUnavailable(e.GetType().Name);
            return BotCheckOutcome.Unavailable;
        }

        var host = site.Value.Uri?.Host ?? http.Request.Host.Host;
        var passed = result is { Success: true }
            && result.Action == action
            && string.Equals(result.Hostname, host, StringComparison.OrdinalIgnoreCase)
            && result.Score >= Options.MinimumScore;
        if (!passed) log.ReCaptchaRejected(result?.Success ?? false, result?.Action, result?.Hostname, result?.Score ?? 0);
        return passed ? BotCheckOutcome.Passed : BotCheckOutcome.Failed;
    }

    private sealed record Verification(
        [property: JsonPropertyName("success")] bool Success,
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("action")] string? Action,
        [property: JsonPropertyName("hostname")] string? Hostname);
}

internal static partial class ReCaptchaLog
{
    [LoggerMessage(EventId = 1501, EventName = "ReCaptchaRejected", Level = LogLevel.Warning,
        Message = "reCAPTCHA の確認で断りました success={Success} action={Action} hostname={Hostname} score={Score}")]
    public static partial void ReCaptchaRejected(this ILogger log, bool success, string? action, string? hostname, double score);

    [LoggerMessage(EventId = 1502, EventName = "ReCaptchaUnavailable", Level = LogLevel.Warning,
        Message = "reCAPTCHA の siteverify に確かめられませんでした reason={Reason}")]
    public static partial void ReCaptchaUnavailable(this ILogger log, string reason);
}
