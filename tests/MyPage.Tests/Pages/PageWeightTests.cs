using Microsoft.Playwright;
using MyPage.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MyPage.Tests.Pages;

// 遅い回線 (400 kbit/s, 往復2秒) の利用者のための予算。時間ではなくバイトと要求の数で測る。
[Trait("Category", "Browser")]
public class PageWeightTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly Browser browser = new();
    private readonly MyPageApp app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Can_load_login_on_a_first_visit_within_budget()
        => await AssertEntryPageWithinBudgetAsync(await browser.OpenAsync(app, fresh: true), app, "/Account/Login");

    // 「ワンタイムパスワード入力」も入口の画面（ログインの前）: 同じ予算
    [Fact]
    public async Task Can_load_the_one_time_password_screen_within_budget()
    {
        await using var site = new MyPageApp(settings: new Dictionary<string, string?> { ["MyPage:Login:OneTimePassword:Enabled"] = "true" });
        await site.CreateSeekerAsync("seeker@example.jp", "Right-pass-1");
        var page = await browser.OpenAsync(site);
        await page.GotoAsync("/Account/Login");
        await new Account.LoginPage(page).SubmitAsync("seeker@example.jp", "Right-pass-1");
        await page.WaitForURLAsync("**/Account/OneTimePassword");
        // キャッシュのない新しい状態で開き直して測る（参照の Cookie はそのまま）
        var cookies = await page.Context.CookiesAsync();
        var fresh = await browser.OpenAsync(site, fresh: true);
        await fresh.Context.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = site.BaseUrl.ToString(), Secure = c.Secure, HttpOnly = c.HttpOnly }));
        await AssertEntryPageWithinBudgetAsync(fresh, site, "/Account/OneTimePassword");
    }

    private async Task AssertEntryPageWithinBudgetAsync(IPage page, MyPageApp site, string path)
    {
        var requests = new List<IRequest>();
        page.RequestFinished += (_, request) => requests.Add(request);

        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var html = await response!.TextAsync();

        long transferred = 0;
        long htmlTransferred = 0;
        var report = new List<string>();
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            var encoding = (await request.ResponseAsync())?.Headers.GetValueOrDefault("content-encoding") ?? "none";
            report.Add($"{request.Url} {sizes.ResponseBodySize}+{sizes.ResponseHeadersSize} ({encoding})");
            transferred += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            if (request.Url.EndsWith(path, StringComparison.Ordinal)) htmlTransferred = sizes.ResponseBodySize;
            Assert.Equal(site.BaseUrl.Authority, new Uri(request.Url).Authority);
        }

        // 入口の画面はスタイルを HTML に書くので、HTML そのものは大きくなる。回線に乗るのは圧縮した形
        output.WriteLine($"{path}: {transferred} バイト / {requests.Count} 要求: " + string.Join(", ", report) + $"; HTML {System.Text.Encoding.UTF8.GetByteCount(html)} バイト（圧縮前）");
        // HTML、htmx とフォームのスクリプト（どちらも defer、同じ接続で並んで来る）、後ろで先読みするスタイルシート。
        // HTML に直書きするのは描くのに要るスタイルだけ: スクリプトまで書くと、すべての画面が毎回 1 KB（圧縮後）重くなる
        Assert.InRange(requests.Count, 1, 4);
        Assert.True(transferred <= 30 * 1024, $"転送量 {transferred} バイト: " + string.Join(", ", report));
        Assert.True(htmlTransferred is > 0 and <= 8 * 1024, $"HTML {htmlTransferred} バイト（圧縮後）");
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Can_load_the_demo_home_on_a_first_visit_within_budget_and_compressed()
    {
        await using var demo = new MyPageApp(settings: new Dictionary<string, string?> { ["MyPage:Database:SeedDemoData"] = "true" });
        var cookies = new System.Net.CookieContainer();
        using (var client = demo.CreateHttpClient(cookies))
            await Forms.LoginAsync(client, MyPage.Data.DatabaseStartup.DemoEmail, MyPage.Data.DatabaseStartup.DemoPassword);
        var session = cookies.GetCookies(demo.BaseUrl).Single(c => c.Name == "__Host-mypage-session");

        // 新しいブラウザ（キャッシュなし）にログイン済みの Cookie だけを持たせて、ホームを初めて開く
        var page = await browser.OpenAsync(demo, fresh: true);
        await page.Context.AddCookiesAsync([new() { Name = session.Name, Value = session.Value, Url = demo.BaseUrl.ToString(), Secure = true, HttpOnly = true }]);
        var requests = new List<IRequest>();
        page.RequestFinished += (_, request) => requests.Add(request);
        var response = await page.GotoAsync("/Home", new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.EndsWith("/Home", page.Url);

        long transferred = 0;
        long htmlBytes = 0;
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            transferred += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            if (request.Url.EndsWith("/Home", StringComparison.Ordinal)) htmlBytes = sizes.ResponseBodySize;
            Assert.Equal(demo.BaseUrl.Authority, new Uri(request.Url).Authority);
        }
        output.WriteLine($"home: {transferred} bytes in {requests.Count} requests, HTML {htmlBytes} bytes compressed, {(await response!.BodyAsync()).Length} bytes raw");
        Assert.InRange(requests.Count, 1, 4);
        Assert.True(transferred <= 40 * 1024, $"{transferred} bytes");
        Assert.True(htmlBytes <= 20 * 1024, $"HTML {htmlBytes} bytes");
        Assert.Contains(response.Headers.GetValueOrDefault("content-encoding"), (string[])["br", "gzip"]);
    }

    [Fact]
    public async Task Can_send_japanese_as_utf8_text_not_entities()
    {
        using var client = app.CreateHttpClient();
        var html = await client.GetStringAsync("/Account/Login");
        Assert.Contains("求職者マイページログイン", html);
        Assert.DoesNotContain("&#x", html);
    }

    [Fact]
    public async Task Can_serve_static_files_under_fingerprinted_names()
    {
        using var client = app.CreateHttpClient();
        var html = await client.GetStringAsync("/Account/Login");
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/css/site\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        var js = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/lib/htmx/htmx\\.min\\.[a-z0-9]+\\.js)\"").Groups[1].Value;
        foreach (var (path, file) in new[] { (css, "wwwroot/css/site.css"), (js, "wwwroot/lib/htmx/htmx.min.js") })
        {
            Assert.NotEmpty(path);
            var response = await client.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, path);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Repository.Root, file)), await response.Content.ReadAsByteArrayAsync());
            // 公開ビルド (dotnet publish) では MapStaticAssets が immutable を付ける。開発ビルドは no-cache + ETag。
            Assert.NotNull(response.Headers.ETag);
        }
    }
}
