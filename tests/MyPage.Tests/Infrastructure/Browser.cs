using Microsoft.Playwright;

namespace MyPage.Tests.Infrastructure;

// Debian の Chromium を一つだけ起動して全テストで使う（playwright install はここでは使えない）
public static class Browser
{
    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

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

    public static async Task<IPage> OpenAsync(MyPageApp app, bool javaScript = true, int width = 1280)
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
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    // 失敗の調べ用にスクリーンショットを残す（TestResults/screenshots）
    public static Task ScreenshotAsync(IPage page, string name)
        => page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"), FullPage = true });
}
