using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MyPage.Tests.Infrastructure;

// 本物の HTTP で答える偽の reCAPTCHA（siteverify と api.js）。ループバックのポートで動く。
// トークンは「score:action:hostname」で、siteverify はそれをそのまま答えに返す（"fail" なら success:false）。
// api.js の grecaptcha はそのページの action と hostname で score 0.9 のトークンを作る。
public sealed class FakeReCaptcha : IAsyncDisposable
{
    public const string SiteKey = "test-site-key";
    public const string SecretKey = "test-secret-key";

    private static readonly string[] InvalidSecret = ["invalid-input-secret"];
    private static readonly string[] InvalidResponse = ["invalid-input-response"];
    private readonly WebApplication site;
    public Uri BaseUrl { get; }
    public ConcurrentQueue<IFormCollection> Verifications { get; } = new();

    // siteverify はサーバーどうしなので HTTP（ループバックだけ許す）、api.js は https のページから読むので HTTPS
    public FakeReCaptcha()
    {
        var port = LoopbackPort.Free();
        var scriptPort = LoopbackPort.Free();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        ScriptBaseUrl = new Uri($"https://127.0.0.1:{scriptPort}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Listen(IPAddress.Loopback, scriptPort, l => l.UseHttps(MyPage.Security.LocalCertificate.Create()));
        });
        site = builder.Build();
        site.MapPost("/siteverify", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            Verifications.Enqueue(form);
            if (form["secret"] != SecretKey) return Results.Json(new Dictionary<string, object> { ["success"] = false, ["error-codes"] = InvalidSecret });
            var parts = form["response"].ToString().Split(':');
            if (parts.Length != 3) return Results.Json(new Dictionary<string, object> { ["success"] = false, ["error-codes"] = InvalidResponse });
            return Results.Json(new Dictionary<string, object>
            {
                ["success"] = true,
                ["score"] = double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
                ["action"] = parts[1],
                ["hostname"] = parts[2],
                ["challenge_ts"] = DateTimeOffset.UtcNow.ToString("o"),
            });
        });
        site.MapGet("/api.js", () => Results.Text(
            "window.grecaptcha={ready:function(f){setTimeout(f,0);},execute:function(key,o){return Promise.resolve('0.9:'+o.action+':'+location.hostname);}};",
            "text/javascript"));
        site.StartAsync().GetAwaiter().GetResult();
    }

    // 人の確認を通るトークン（score 0.9、その画面の action、テストのサイトのホスト名）: siteverify がそのまま success で答える
    public static string PassingToken(string action) => $"0.9:{action}:127.0.0.1";

    public Uri ScriptBaseUrl { get; }
    public Uri VerifyUrl => new(BaseUrl, "siteverify");
    public Uri ScriptUrl => new(ScriptBaseUrl, "api.js");

    public Dictionary<string, string?> Settings(Uri? verifyUrl = null) => new()
    {
        ["MyPage:BotCheck:Provider"] = "ReCaptcha",
        ["MyPage:BotCheck:ReCaptcha:SiteKey"] = SiteKey,
        ["MyPage:BotCheck:ReCaptcha:SecretKey"] = SecretKey,
        ["MyPage:BotCheck:ReCaptcha:VerifyUrl"] = (verifyUrl ?? VerifyUrl).ToString(),
        ["MyPage:BotCheck:ReCaptcha:ScriptUrl"] = ScriptUrl.ToString(),
        ["MyPage:BotCheck:ReCaptcha:Timeout"] = "00:00:03",
    };

    public async ValueTask DisposeAsync()
    {
        await site.StopAsync();
        await site.DisposeAsync();
    }
}
