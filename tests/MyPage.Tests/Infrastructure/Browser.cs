using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace MyPage.Tests.Infrastructure;

// 一つのテストのブラウザ。Debian の Chromium を一つだけ起動して全テストで共有し（playwright install はここでは使えない）、
// テストごとに新しいコンテキスト（Cookie もキャッシュもない利用者）を開く。テストが終われば閉じ、
// 失敗したテストのコンテキストは Playwright のトレースを bin/…/traces/ に残す（npx playwright show-trace で開ける）。
// 失敗は、このテストの流れの中で投げられたアサーションと Playwright の例外で知る（Assert.Throws で受けた例外でも残る）。
public sealed class Browser : IAsyncDisposable
{
    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);
    private static readonly AsyncLocal<Browser?> Current = new();

    private readonly List<IBrowserContext> contexts = [];
    private readonly HashSet<MyPageApp> sites = [];
    private readonly string owner;
    private volatile bool failed;

    static Browser() => AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
    {
        // このテストの流れの中で、アサーションか Playwright の待ちが失敗した
        if (Current.Value is { } browser && e.Exception is Xunit.Sdk.XunitException or PlaywrightException or TimeoutException)
            browser.failed = true;
    };

    // テストクラスのフィールドとして作る（テストと同じ非同期の流れに入るよう、コンストラクターの中で）
    public Browser([CallerFilePath] string testFile = "")
    {
        owner = Path.GetFileNameWithoutExtension(testFile);
        Current.Value = this;
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> OpenAsync(MyPageApp app, bool javaScript = true, int width = 1280)
    {
        var browser = await Shared.Value;
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl.ToString(),
            IgnoreHTTPSErrors = true,
            JavaScriptEnabled = javaScript,
            Locale = "ja-JP",
            ViewportSize = new() { Width = width, Height = 900 },
        });
        // 失敗（固まった画面）を見つけるための時間。二つのコアの一つが塞がった CI でも、移動と描画には足りる長さ
        context.SetDefaultTimeout(30_000);
        await context.Tracing.StartAsync(new() { Snapshots = true, Screenshots = false, Sources = false });
        lock (contexts)
        {
            contexts.Add(context);
            sites.Add(app);
        }
        return await context.NewPageAsync();
    }

    // 画面を確かめる用にスクリーンショットを残す（bin/…/screenshots）
    public static Task ScreenshotAsync(IPage page, string name)
        => page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "traces");
        var run = $"{owner}-{Guid.NewGuid():N}";
        if (failed)
        {
            // サイトのログも一緒に（サーバー側で何が起きていたか）
            Directory.CreateDirectory(folder);
            await File.WriteAllLinesAsync(Path.Combine(folder, run + ".log"), sites.SelectMany(site => site.Logs.Detailed));
        }
        var n = 0;
        foreach (var context in contexts)
        {
            try
            {
                var path = failed ? Path.Combine(folder, $"{run}-{++n}.zip") : null;
                await context.Tracing.StopAsync(new() { Path = path });
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // ブラウザがもう閉じている（テストの失敗の後など）: 残すものはない
            }
        }
    }
}
