using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MyPage.Pages.Account;
using MyPage.Pages.Session;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Sessions;

// 自動ログアウトの前の知らせと延長 (WCAG 2.2.1)。サーバーの時計は FakeTimeProvider で進める。
// 知らせを確かめに来る間隔だけ実時間なので、知らせる時間を「残り9分57秒」にして、3秒で確かめに来させる。
[Trait("Category", "Browser")]
public class SessionTimeoutTests(SessionTimeoutTests.Site site) : SeekerTest(site), IClassFixture<SessionTimeoutTests.Site>
{
    public sealed class Site() : SiteFixture(new Dictionary<string, string?>
    {
        ["MyPage:Session:IdleTimeout"] = "00:10:00",
        ["MyPage:Session:WarnBefore"] = "00:09:57",
    });

    [Fact]
    public async Task Can_be_warned_before_the_timeout_and_extend_with_one_button_then_time_out_to_login()
    {
        var signedInAt = app.Time.GetUtcNow();
        var page = await browser.OpenSignedInAsync(app, Email);
        await page.GotoAsync("/Home");
        await new LoginPage(page).ExpectHomeAsync();
        await using var transcript = await ScreenReaderTranscript.StartAsync(page);

        app.Time.Advance(TimeSpan.FromMinutes(1));
        var status = page.Locator("#session-status");
        await Expect(status).ToHaveAttributeAsync("role", "status");
        await Expect(status).ToContainTextAsync($"{MyPage.Time.JapanTime.Format(signedInAt.AddMinutes(10))}に自動的にログアウトします", new() { Timeout = 15_000 });
        // 知らせは role="status" が一度読む。フォーカスは動かさない（入力の途中の人を連れ去らない）
        var warned = SessionTexts.Warning(MyPage.Time.JapanTime.Format(signedInAt.AddMinutes(10))) + SessionTexts.WarningAction;
        Assert.Equal([$"polite: {warned} {SessionTexts.Extend}"], await transcript.HearAsync());
        await Axe.AssertNoViolationsAsync(page);

        // どこまでスクロールしていても見える: 画面の下に固定した帯（ページを押し下げない）
        await page.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
        var warning = status.Locator(".session-warning");
        Assert.Equal("fixed", await warning.EvaluateAsync<string>("e => getComputedStyle(e).position"));
        Assert.True(await warning.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.bottom <= innerHeight + 1 && r.top >= 0; }"));
        await Browser.ScreenshotAsync(page, "session-warning-1280");

        var extend = status.GetByRole(AriaRole.Button, new() { Name = "ログイン時間を延長する" });
        await transcript.PressAsync(extend);
        var extendedTo = MyPage.Time.JapanTime.Format(signedInAt.AddMinutes(11));
        await Expect(status).ToContainTextAsync($"ログイン時間を延長しました。{extendedTo}まで");
        // 帯へ来る前にフォーカスのあった所がない: フォーカスは <body> に落ちず、知らせのある <main> の頭へ。
        // 延長の知らせは role="status" が一度だけ読む（知らせにフォーカスを移して、もう一度読ませない）
        await Expect(page.Locator("main")).ToBeFocusedAsync();
        Assert.Equal([$"polite: {SessionTexts.Extended(extendedTo)}", "focus main"], await transcript.HearAsync());
        await Browser.ScreenshotAsync(page, "session-extended-1280");

        // 何もしないまま延長後の期限を過ぎる → 次の確認でログイン画面へ（エラーではなく、知らせ付き）
        app.Time.Advance(TimeSpan.FromMinutes(11));
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login\\?.*status=timed-out"), new() { Timeout = 20_000 });
        await Expect(page.Locator("#status")).ToHaveTextAsync(LoginTexts.SessionEnded);
        await Expect(page.Locator("#status")).ToBeFocusedAsync();
        Assert.Equal([$"focus group: {LoginTexts.SessionEnded}"], await transcript.HearAsync());
        await Axe.AssertNoViolationsAsync(page);
    }

    // 延長したら、フォーカスは帯へ移る前にいた所へ戻る（ページの上へ飛ばない）。延長の知らせは role="status" が読む
    [Fact]
    public async Task Extending_returns_focus_to_where_it_was_before_the_warning()
    {
        var page = await browser.OpenSignedInAsync(app, Email);
        await page.GotoAsync("/Home");
        var link = page.Locator("main a").Last;
        await link.FocusAsync();
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var status = page.Locator("#session-status");
        var extend = status.GetByRole(AriaRole.Button, new() { Name = "ログイン時間を延長する" });
        await Expect(extend).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(link).ToBeFocusedAsync(); // 知らせが出ても、フォーカスは動かない
        await extend.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(status).ToContainTextAsync("ログイン時間を延長しました。");
        await Expect(link).ToBeFocusedAsync();
    }

    // 拡大した画面 (WCAG 1.4.4、1.4.10、2.4.11): 360×640 の電話の 200 %（縦と横）と、1280×1024 の 400 %。
    // 帯は画面の3分の1まで（中身が多ければ帯の中でスクロール）、ボタンの言葉は折り返して切れず、
    // キーボードで移ったリンクは帯に隠れない
    [Theory]
    [InlineData(180, 320, "phone-200-portrait")]
    [InlineData(320, 180, "phone-200-landscape")]
    [InlineData(320, 256, "desktop-400")]
    public async Task The_warning_takes_at_most_a_third_of_a_zoomed_screen_and_hides_nothing(int width, int height, string name)
    {
        var page = await browser.OpenSignedInAsync(app, Email);
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/Home");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var warning = page.Locator("#session-status .session-warning");
        await Expect(warning).ToBeVisibleAsync(new() { Timeout = 15_000 });

        var bar = await warning.EvaluateAsync<double[]>("e => { const r = e.getBoundingClientRect(); return [r.top, r.height, innerHeight]; }");
        Assert.True(bar[1] <= bar[2] / 3 + 1, $"帯の高さ {bar[1]} / 画面 {bar[2]}");
        Assert.True(bar[0] >= 0, "帯の上が画面の外");
        var extend = warning.GetByRole(AriaRole.Button, new() { Name = "ログイン時間を延長する" });
        Assert.True(await extend.EvaluateAsync<bool>("b => b.scrollWidth <= b.clientWidth + 1"), "ボタンの言葉が切れている");
        await Browser.ScreenshotAsync(page, $"session-warning-{name}");

        // ページの最後のリンクまで Tab で進む: フォーカスしたリンクは帯の上に見える
        var last = page.Locator("main a").Last;
        await last.FocusAsync();
        var (linkBottom, barTop) = (await last.EvaluateAsync<double>("e => e.getBoundingClientRect().bottom"), await warning.EvaluateAsync<double>("e => e.getBoundingClientRect().top"));
        Assert.True(linkBottom <= barTop + 1, $"リンクの下 {linkBottom} が帯の上 {barTop} より下");
    }

    // 「他の端末からログアウトする」で終えられた端末: 画面の中の確かめ (htmx) で S1 へ移り、時間切れではなく本当の理由を、
    // フォーカスで一度だけ聞く
    [Fact]
    public async Task A_device_signed_out_from_another_hears_why_once()
    {
        using var other = app.CreateHttpClient(new System.Net.CookieContainer());
        await Forms.LoginAsync(other, Email, Password);
        var page = await browser.OpenSignedInAsync(app, Email, width: 360);
        // 画面の中の確かめは、もう一方の端末が終え終わってから
        var ended = new TaskCompletionSource();
        await page.RouteAsync("**/Session/Warning", async route =>
        {
            await ended.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync("/Home");
        await using var transcript = await ScreenReaderTranscript.StartAsync(page);
        var response = await Forms.PostAsync(other, "/Settings/Security?handler=SignOutOthers", new() { ["Input.Password"] = Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        ended.SetResult();

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login\\?returnUrl=%2FHome&status=signed-out-elsewhere$"), new() { Timeout = 20_000 });
        await Expect(page.Locator("#status")).ToHaveTextAsync(LoginTexts.SignedOutElsewhere);
        Assert.Equal([$"focus group: {LoginTexts.SignedOutElsewhere}"], await transcript.HearAsync());
        await Browser.ScreenshotAsync(page, "login-signed-out-elsewhere-360");
    }

    [Fact]
    public async Task Can_log_in_again_after_a_timeout_and_land_on_the_same_page_with_its_title()
    {
        var page = await browser.OpenSignedInAsync(app, Email);
        var login = new LoginPage(page);
        await page.GotoAsync("/Messages");
        await Expect(page).ToHaveTitleAsync("メッセージ | ハローワークインターネットサービス");

        // 時間切れは、画面の中の断片 (/Session/Warning) が見つける。戻り先はその断片ではなく、見ていた画面
        app.Time.Advance(TimeSpan.FromMinutes(11));
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login\\?returnUrl=%2FMessages&status=timed-out$"), new() { Timeout = 20_000 });
        await login.SubmitAsync(Email, Password);
        await Expect(page).ToHaveURLAsync(new Regex("/Messages$"));
        await Expect(page).ToHaveTitleAsync("メッセージ | ハローワークインターネットサービス");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "メッセージ", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Cannot_be_sent_back_to_a_fragment_after_login()
    {
        using var client = app.CreateHttpClient();
        var response = await Forms.LoginAsync(client, Email, Password, "/Account/Login?returnUrl=%2FSession%2FWarning");
        Assert.Equal("/Home", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Can_land_on_login_with_a_message_when_a_timed_out_page_is_opened()
    {
        var page = await browser.OpenAsync(app, javaScript: false);
        await page.GotoAsync("/Account/Login");
        var login = new LoginPage(page);
        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
        await Expect(page.Locator("footer")).ToContainTextAsync("10分程度操作がないと、自動的にログアウトします。");

        app.Time.Advance(TimeSpan.FromMinutes(10));
        await page.GotoAsync("/Messages");
        await Expect(page.Locator("#status")).ToHaveTextAsync(LoginTexts.SessionEnded);
        await login.SubmitAsync(Email, Password);
        await Expect(page).ToHaveURLAsync(new Regex("/Messages$"));
    }

    [Fact]
    public async Task Cannot_keep_a_session_alive_just_by_asking_when_it_ends()
    {
        var cookies = new System.Net.CookieContainer();
        using var client = app.CreateHttpClient(cookies);
        await Forms.LoginAsync(client, Email, Password);
        app.Time.Advance(TimeSpan.FromMinutes(6));
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/Session/Warning"))
        {
            request.Headers.Add("HX-Request", "true");
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }
        app.Time.Advance(TimeSpan.FromMinutes(4));
        using var expired = new HttpRequestMessage(HttpMethod.Get, "/Session/Warning");
        expired.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(expired);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("status=timed-out", response.Headers.GetValues("HX-Redirect").Single());
    }
}
