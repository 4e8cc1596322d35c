using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using MyPage.Security;

namespace MyPage.Abuse;

// ログインの要らないフォーム（ログイン、ワンタイムパスワード、S2、S3、仮登録、本登録）。POST を接続元ごとの上限で数える
[AttributeUsage(AttributeTargets.Class)]
internal sealed class GuardedFormAttribute : Attribute;

internal static class RateLimits
{
    // 接続元ごとのトークンバケット。上限を超えた要求は、フォームを読む前、ハッシュもデータベースの行も作る前に 429 で断る
    public static IServiceCollection AddFormRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<GuardedFormAttribute>() is null)
                    return RateLimitPartition.GetNoLimiter("");
                var perMinute = Math.Max(1, http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.FormPostsPerMinute);
                var origin = http.RequestServices.GetRequiredService<RequestOrigins>().Of(http);
                return RateLimitPartition.GetTokenBucketLimiter(origin.Key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = Math.Max(1, perMinute / 6),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 10;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Items[RetryAfterKey] = seconds;
                context.HttpContext.RequestServices.GetRequiredService<AbuseMetrics>().Refused(RateLimitPolicy.FormPosts);
                foreach (var counter in context.HttpContext.RequestServices.GetServices<IFormRefusalCounter>()) counter.Refused(context.HttpContext);
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MyPage.Abuse.RateLimits")
                    .FormRateLimited(context.HttpContext.Request.Path, context.HttpContext.RequestServices.GetRequiredService<RequestOrigins>().Of(context.HttpContext).LogTag, seconds);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    // 断った要求の Retry-After（秒）。429 の画面が「N秒ほど待って」と書く（HttpContext.Items の鍵と値の型はここだけが知る）
    private const string RetryAfterKey = "mypage-retry-after";

    public static int? RetryAfterOf(HttpContext context) => context.Items[RetryAfterKey] as int?;
}

internal static partial class RateLimitLog
{
    [LoggerMessage(EventId = 1503, EventName = "FormRateLimited", Level = LogLevel.Warning,
        Message = "送信が多すぎるので断りました path={Path} client={Client} retryAfter={Seconds}")]
    public static partial void FormRateLimited(this ILogger log, string path, string client, int seconds);
}
