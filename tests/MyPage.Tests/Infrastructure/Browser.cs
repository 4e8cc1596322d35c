using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace MyPage.Tests.Infrastructure;

// 一つのテストのブラウザ。Debian の Chromium を一つだけ起動して全テストで共有し（playwright install はここでは使えない）、
// テストごとに新しい利用者（Cookie のないコンテキスト）を渡す。テストが終われば Cookie、経路の差し替え、オフライン、
// 媒体の真似を戻して、同じサイトの次のテストに使い回す（新しいページは Chromium のレンダラーを一つ起こすので高い）。
// 初めての訪問（キャッシュなし）を測るテストは fresh: true で新しいものを使う。
// 失敗したテストは、Playwright のトレース、開いていた画面のスクリーンショットと HTML、サイトのログを bin/…/traces/ に残し、
// 閉じるときに、どの画面で何を待って失敗したかを一つのメッセージで伝える（そのページは使い回さない）。
// 失敗は、このテストの流れの中で投げられたアサーションと Playwright の例外で知る（Assert.Throws で受けた例外でも。
// わざと失敗させたときは Forgive）。
public sealed class Browser : IAsyncDisposable
{
    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);
    private static readonly AsyncLocal<Browser?> Current = new();
    private static readonly ConcurrentDictionary<(MyPageApp Site, bool JavaScript), ConcurrentBag<IPage>> Idle = new();

    // MYPAGE_SCREENSHOTS=1 のときだけ、画面の見た目を確かめるスクリーンショットを bin/…/screenshots/ に残す（CPU を食うので既定は残さない）
    public static readonly bool KeepsScreenshots = Environment.GetEnvironmentVariable("MYPAGE_SCREENSHOTS") is "1" or "true";

    private readonly List<(IPage Page, MyPageApp Site, bool JavaScript, bool Fresh)> borrowed = [];
    private readonly string owner;
    private Exception? failure;

    static Browser()
    {
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            // このテストの流れの中で、アサーションか Playwright の待ちが失敗した（最初のものを覚える）
            if (Current.Value is { } browser && e.Exception is Xunit.Sdk.XunitException or PlaywrightException or TimeoutException)
                Interlocked.CompareExchange(ref browser.failure, e.Exception, null);
        };
        // 待ちの上限は、固まった画面を見つけるためのもの。速さは測らない（一つのコアが塞がった CI でも足りる長さ）
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    // Debian の Chromium。ヘッドレスで動かすときは、同じ Chromium の軽いヘッドレス専用の形 (chromium-headless-shell:
    // Playwright が自分で落とすヘッドレス用のブラウザと同じもの) があればそれを使う。CPU はおよそ半分
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("MYPAGE_CHROMIUM") is { Length: > 0 } chosen ? chosen
        : File.Exists("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell"
        : "/usr/bin/chromium";

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
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    // レンダラーのプロセスは4つまで、あとは使い回す。テストごとのページやサイトをまたぐ移動のたびに新しいプロセスを
                    // 起こさない（一つ起こすたびに V8、Blink、日本語のフォントで CPU を食う）。マイナポータルとホームのブラウザのテスト
                    // 23個で、プロセスは51個から15個、時間は 54 秒から 44 秒。全体では、限りなしの 242〜260 秒に対して 232 秒。
                    // 3つでは全体で遅くなった（二つのテストのスレッドのページが、同じレンダラーの主スレッドを待ち合う）
                    "--renderer-process-limit=4"],
        });
    }

    // fresh: 使い回さない新しいコンテキスト（キャッシュのない、初めての訪問）
    public async Task<IPage> OpenAsync(MyPageApp app, bool javaScript = true, int width = 1280, bool fresh = false)
    {
        IPage page;
        if (!fresh && Idle.TryGetValue((app, javaScript), out var idle) && idle.TryTake(out var reused))
        {
            page = reused;
            await page.Context.Tracing.StartChunkAsync();
        }
        else
        {
            var browser = await Shared.Value;
            var context = await browser.NewContextAsync(new()
            {
                BaseURL = app.BaseUrl.ToString(),
                IgnoreHTTPSErrors = true,
                JavaScriptEnabled = javaScript,
                Locale = "ja-JP",
            });
            // 失敗（固まった画面）を見つけるための時間。二つのコアの一つが塞がった CI でも、移動と描画には足りる長さ
            context.SetDefaultTimeout(30_000);
            // トレース（操作、待ったもの、通信、コンソール）は記録しておき、失敗したときだけ残す。操作ごとの DOM の写し (Snapshots) は
            // 撮らない: ブラウザのテストの CPU のおよそ 15% を食っていた（マイナポータルとホームの 23 個で 99 秒が 83 秒）。
            // 代わりに、失敗したときの画面のスクリーンショットと HTML を残す
            await context.Tracing.StartAsync(new() { Snapshots = false, Screenshots = false, Sources = false });
            page = await context.NewPageAsync();
        }
        await page.SetViewportSizeAsync(width, 900);
        // このテストの接続元のアドレス (TestClient)
        await page.SetExtraHTTPHeadersAsync(TestClient.Address is { } address
            ? new Dictionary<string, string> { ["X-Forwarded-For"] = address }
            : new Dictionary<string, string>());
        lock (borrowed) borrowed.Add((page, app, javaScript, fresh));
        return page;
    }

    // サイトを止めるとき: そのサイトのために取っておいたページを閉じる
    public static async Task ForgetAsync(MyPageApp app)
    {
        foreach (var javaScript in new[] { true, false })
            if (Idle.TryRemove((app, javaScript), out var idle))
                foreach (var page in idle)
                {
                    try { await page.Context.CloseAsync(); }
                    catch (PlaywrightException) { }
                }
    }

    // ログイン済みのブラウザ（ログインそのものを試さないテストのため）: セッションはサイトのログインの手順で作り、Cookie を渡す
    public Task<IPage> OpenSignedInAsync(MyPageApp app, string email, bool javaScript = true, int width = 1280)
        => OpenSignedInAsync(app, email, MyPage.Login.LoginMethod.Password, javaScript, width);

    internal async Task<IPage> OpenSignedInAsync(MyPageApp app, string email, MyPage.Login.LoginMethod method, bool javaScript = true, int width = 1280)
    {
        var page = await OpenAsync(app, javaScript, width);
        var cookies = await app.SignInCookiesAsync(email, method);
        await page.Context.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = app.BaseUrl.ToString(),
            Secure = true,
            HttpOnly = true,
            SameSite = SameSiteAttribute.Lax,
        }));
        return page;
    }

    // 画面を確かめる用にスクリーンショットを残す（bin/…/screenshots、MYPAGE_SCREENSHOTS=1 のときだけ）
    public static Task ScreenshotAsync(IPage page, string name)
        => KeepsScreenshots
            ? page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"), FullPage = true })
            : Task.CompletedTask;

    // わざと失敗させた待ちやアサーション（道具の試験）: このブラウザの失敗にしない
    public void Forgive() => failure = null;

    public async ValueTask DisposeAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "traces");
        var run = $"{owner}-{Guid.NewGuid():N}";
        // ブラウザを開かなかったテスト（HttpClient だけ）の失敗は、テスト自身の報告で足りる
        var failed = borrowed.Count == 0 ? null : failure;
        var kept = new List<string>();
        var pages = new List<string>();
        if (failed is not null)
        {
            // サイトのログも一緒に（サーバー側で何が起きていたか）
            Directory.CreateDirectory(folder);
            var log = Path.Combine(folder, run + ".log");
            await File.WriteAllLinesAsync(log, borrowed.Select(b => b.Site).Distinct().SelectMany(site => site.Logs.Detailed));
            kept.Add(log);
        }
        var n = 0;
        foreach (var (page, site, javaScript, fresh) in borrowed)
        {
            try
            {
                if (failed is not null)
                {
                    var trace = Path.Combine(folder, $"{run}-{++n}.zip");
                    foreach (var (open, i) in page.Context.Pages.Select((p, i) => (p, i)))
                    {
                        var shot = Path.Combine(folder, $"{run}-{n}-{i}.png");
                        var html = Path.Combine(folder, $"{run}-{n}-{i}.html");
                        pages.Add($"{open.Url}「{await open.TitleAsync()}」");
                        await File.WriteAllTextAsync(html, await open.ContentAsync());
                        kept.Add(html);
                        await open.ScreenshotAsync(new() { Path = shot, FullPage = true, Timeout = 10_000 });
                        kept.Add(shot);
                    }
                    await page.Context.Tracing.StopChunkAsync(new() { Path = trace });
                    kept.Add(trace);
                    await page.Context.CloseAsync();
                }
                else if (fresh || page.IsClosed || page.Context.Pages.Count != 1)
                {
                    await page.Context.CloseAsync();
                }
                else
                {
                    await page.Context.Tracing.StopChunkAsync();
                    await ResetAsync(page);
                    Idle.GetOrAdd((site, javaScript), _ => []).Add(page);
                }
            }
            catch (PlaywrightException)
            {
                // ブラウザがもう閉じている（テストの失敗の後など）: 残すものはない
            }
        }
        if (failed is not null)
            throw new BrowserTestFailedException(
                $"ブラウザのテストが失敗しました。 / A browser test failed.\n" +
                $"画面 (page): {(pages.Count == 0 ? "なし" : string.Join(" / ", pages))}\n" +
                $"失敗 (what it waited for): {failed.Message}\n" +
                $"残したもの (kept): {string.Join(" ", kept)}", failed);
    }

    // 次のテストには、新しい利用者と同じに見えるように戻す（Cookie、経路の差し替え、オフライン、媒体の真似）。
    // 空のページへ移って、前の画面の時計（自動ログアウトの確かめ）を止める
    private static async Task ResetAsync(IPage page)
    {
        await page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        await page.Context.SetOfflineAsync(false);
        await page.EmulateMediaAsync(new() { Media = Media.Null, ColorScheme = ColorScheme.Null, ForcedColors = ForcedColors.Null, ReducedMotion = ReducedMotion.Null });
        await page.GotoAsync("about:blank");
        await page.Context.ClearCookiesAsync();
    }
}

public sealed class BrowserTestFailedException(string message, Exception inner) : Exception(message, inner);
