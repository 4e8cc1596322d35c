using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MyPage.Abuse;
using MyPage.Pages.Account;
using MyPage.Pages.Shared;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Abuse;

// 計算による確認（既定）: 本物のブラウザが Web Worker で解く。答えは一度だけ、期限まで。JavaScript なしでは、待つ確認（時刻を示す）
[Trait("Category", "Browser")]
public class ProofOfWorkTests(AbuseSite site) : AbuseTest(site), IClassFixture<AbuseSite>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task A_real_browser_solves_it_and_logs_in(int width)
    {
        await FailLoginsUpToTheThresholdAsync();
        var page = await browser.OpenAsync(app, width: width);
        var login = new LoginPage(page);
        await login.GotoAsync();
        var box = page.Locator("#bot-check");
        await Expect(box).ToContainTextAsync(BotCheckTexts.Heading);
        // 画面を開いたときからの確認は、入力している人の読み上げを遮らない: 答えは入るが、進み具合は言わない
        await Expect(box.Locator("input[name=BotCheck]")).Not.ToHaveValueAsync("", new() { Timeout = 30_000 });
        await Expect(box.Locator(".bot-check-status")).ToBeEmptyAsync();
        await Browser.ScreenshotAsync(page, $"login-bot-check-{width}");
        await Axe.AssertNoViolationsAsync(page);

        var hashes = app.PasswordVerifications;
        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
        Assert.Equal(hashes + 1, app.PasswordVerifications);
    }

    [Fact]
    public async Task Pressing_login_before_the_answer_is_ready_sends_when_it_is()
    {
        await FailLoginsUpToTheThresholdAsync();
        var page = await browser.OpenAsync(app);
        // 答えを出す Worker を遅らせる（古い端末のように）
        await page.RouteAsync("**/js/botcheck-worker.js", async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SubmitAsync(Email, Password);
        await Expect(page.Locator("#bot-check .bot-check-status")).ToHaveTextAsync(BotCheckTexts.WaitThenSend);
        await login.ExpectHomeAsync();
    }

    // スクリーンリーダーが聞かせること: 送信の答えとして出た確認は、フォーカスで見出しと理由を読む。JavaScript のないブラウザ
    // のための文（「このボタンは…から押せます」）は、フォーカスが来る前に消えている（読まれない）。進み具合は polite で
    [Fact]
    public async Task A_screen_reader_hears_why_the_check_appeared_and_how_it_goes()
    {
        var page = await browser.OpenAsync(app, width: 360);
        var login = new LoginPage(page);
        await login.GotoAsync();
        await FailLoginsUpToTheThresholdAsync();
        // 答えを出す Worker を、聞き取り終えるまで止めておく（古い端末のように）
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/js/botcheck-worker.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await using var transcript = await ScreenReaderTranscript.StartAsync(page);
        await login.Id.FillAsync(Email);
        await login.Password.FillAsync(Password);
        await transcript.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = LoginTexts.Submit, Exact = true }));
        var box = page.Locator("#bot-check");
        await Expect(box).ToBeFocusedAsync();
        await Expect(box.Locator(".bot-check-status")).ToHaveTextAsync(BotCheckTexts.Working);
        Assert.Equal([$"polite: {FormTexts.Sending}", $"focus group: {BotCheckTexts.Heading} | {BotCheckTexts.Why}", $"polite: {BotCheckTexts.Working}"],
            await transcript.HearAsync());
        await Expect(box.Locator(".bot-check-noscript")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "login-bot-check-swapped-360");

        release.SetResult();
        await Expect(box.Locator(".bot-check-status")).ToHaveTextAsync(BotCheckTexts.Done);
        Assert.Equal([$"polite: {BotCheckTexts.Done}"], await transcript.HearAsync());
    }

    // 弱い端末: 計算が長引けば、5秒ごとに進み具合を一度ずつ言い、15秒を過ぎたら待つ確認への切り替えを出して、そのことを一度だけ言い添える。
    // ページの時計を止めて、5秒ずつ進める（Worker は止めておく）
    [Fact]
    public async Task A_long_check_says_how_it_goes_every_5_seconds_and_offers_the_wait_after_15()
    {
        var (page, transcript, release) = await LongCheckAsync();
        await using var _ = transcript;
        var box = page.Locator("#bot-check");
        var offer = box.GetByRole(AriaRole.Button, new() { Name = BotCheckTexts.SwitchToWait });
        foreach (var seconds in new[] { 5, 10 })
        {
            await page.Clock.FastForwardAsync(5_000);
            await Expect(box.Locator(".bot-check-status")).ToHaveTextAsync(BotCheckTexts.Progress(seconds));
            Assert.Equal([$"polite: {BotCheckTexts.Progress(seconds)}"], await transcript.HearAsync());
            await Expect(offer).ToBeHiddenAsync();
        }
        await page.Clock.FastForwardAsync(5_000);
        await Expect(offer).ToBeVisibleAsync();
        Assert.Equal([$"polite: {BotCheckTexts.Progress(15)}{BotCheckTexts.Offer}"], await transcript.HearAsync());
        // 切り替えの知らせは一度だけ。進み具合は続ける
        await page.Clock.FastForwardAsync(5_000);
        await Expect(box.Locator(".bot-check-status")).ToHaveTextAsync(BotCheckTexts.Progress(20));
        Assert.Equal([$"polite: {BotCheckTexts.Progress(20)}"], await transcript.HearAsync());

        await page.Clock.ResumeAsync();
        await Browser.ScreenshotAsync(page, "login-bot-check-offer-360");
        await Axe.AssertNoViolationsAsync(page);
        release.SetResult();
    }

    // 切り替えると、JavaScript なしと同じ待つ確認（サーバーが描く）: フォーカスで押せる時刻を一度聞き、時刻になればそう聞き、
    // 時刻を過ぎて押せば正しいパスワードで入れる
    [Fact]
    public async Task Switching_to_the_wait_lets_the_right_password_in_after_the_wait()
    {
        var (page, transcript, release) = await LongCheckAsync();
        await using var _ = transcript;
        await page.Clock.FastForwardAsync(15_000);
        var box = page.Locator("#bot-check");
        var left = new BotCheckOptions().Wait;
        var time = MyPage.Time.JapanTime.FormatTime(app.Time.GetUtcNow() + left);
        await transcript.HearAsync();

        await transcript.PressAsync(box.GetByRole(AriaRole.Button, new() { Name = BotCheckTexts.SwitchToWait }));
        await SettleAsync(page, "#bot-check[data-bot-check=Wait]");
        await Expect(box.Locator("#bot-wait")).ToHaveTextAsync(BotCheckTexts.Wait(time, left));
        await Expect(box).ToBeFocusedAsync();
        var heard = await transcript.HearAsync();
        // 切り替えも送信なので「送信しています…」、それから確認へのフォーカスで、押せる時刻を一度（切り替えの知らせはもう言わない）
        Assert.Equal([$"polite: {FormTexts.Sending}", $"focus group: {BotCheckTexts.Heading} | {BotCheckTexts.Why} {BotCheckTexts.Wait(time, left)}"], heard);
        await Expect(box).ToHaveAttributeAsync("data-bot-check", "Wait");

        // 時刻になったら、フォーカスを動かさずに polite で一度
        await page.Clock.FastForwardAsync((long)left.TotalMilliseconds);
        await Expect(box.Locator(".bot-check-status")).ToHaveTextAsync(BotCheckTexts.WaitReady);
        Assert.Equal([$"polite: {BotCheckTexts.WaitReady}"], await transcript.HearAsync());

        app.Time.Advance(left);
        var hashes = app.PasswordVerifications;
        var login = new LoginPage(page);
        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
        Assert.Equal(hashes + 1, app.PasswordVerifications);
        release.SetResult();
    }

    // 接続元が上限に達したあと、ログインを押して確認を出す。Worker は release まで止め（解けない弱い端末のように）、
    // ページの時計は画面を開いたところで止める: 時間は FastForwardAsync / RunForAsync で進めたぶんだけ（5秒ごとの知らせが勝手に出ない）
    private async Task<(IPage Page, ScreenReaderTranscript Transcript, TaskCompletionSource Release)> LongCheckAsync()
    {
        var page = await browser.OpenAsync(app, width: 360, fresh: true);
        await page.Clock.InstallAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await PauseClockAsync(page);
        await FailLoginsUpToTheThresholdAsync();
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/js/botcheck-worker.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        var transcript = await ScreenReaderTranscript.StartAsync(page);
        await login.Id.FillAsync(Email);
        await login.Password.FillAsync(Password);
        await transcript.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = LoginTexts.Submit, Exact = true }));
        await SettleAsync(page, "#bot-check[data-bot-check=ProofOfWork]");
        await Expect(page.Locator("#bot-check")).ToBeFocusedAsync();
        await Expect(page.Locator("#bot-check .bot-check-status")).ToHaveTextAsync(BotCheckTexts.Working);
        await transcript.HearAsync();
        return (page, transcript, release);
    }

    // 時計を止める（いまより先の時刻で: 止めるまでに実際の時間が過ぎても戻らない。この画面にはまだ待つものがない）
    private static async Task PauseClockAsync(IPage page)
        => await page.Clock.PauseAtAsync(DateTimeOffset.FromUnixTimeMilliseconds(await page.EvaluateAsync<long>("Date.now()") + 10_000).UtcDateTime);

    // htmx の差し替えが入るのを待ち、止めた時計で落ち着かせる（htmx は settle を setTimeout で待つ）
    private static async Task SettleAsync(IPage page, string selector)
    {
        await page.Locator(selector).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Clock.RunForAsync(100);
    }

    // JavaScript なし: 待つ確認。押せる時刻を言い、早く押せばその時刻をもう一度言い（照合もしない）、その時刻からはログインできる
    [Fact]
    public async Task Without_javascript_the_seeker_gets_in_after_the_wait_the_form_tells()
    {
        await FailLoginsUpToTheThresholdAsync();
        var page = await browser.OpenAsync(app, javaScript: false, width: 360);
        var login = new LoginPage(page);
        await login.GotoAsync();
        var ready = app.Time.GetUtcNow() + new BotCheckOptions().Wait;
        var time = MyPage.Time.JapanTime.FormatTime(ready);
        await Expect(page.Locator("#bot-wait")).ToHaveTextAsync(BotCheckTexts.Wait(time, new BotCheckOptions().Wait));
        await Expect(page.Locator("#bot-check")).Not.ToContainTextAsync("操作は要りません");

        var hashes = app.PasswordVerifications;
        await using var transcript = await ScreenReaderTranscript.StartAsync(page);
        await login.SubmitAsync(Email, Password);
        await Expect(page.Locator("#bot-check")).ToBeFocusedAsync();
        await Expect(page.Locator("#bot-check .field-error")).ToHaveTextAsync(BotCheckTexts.TooEarly(time));
        // 聞こえるのは、フォーカスで一度: 見出し、押せない理由と時刻、なぜ確認するか、待つ時間
        var left = ready - app.Time.GetUtcNow();
        Assert.Equal([$"focus group: {BotCheckTexts.Heading} | {BotCheckTexts.TooEarly(time)} {BotCheckTexts.Why} {BotCheckTexts.Wait(time, left)}"],
            await transcript.HearAsync());
        // フォーカスで、見出しのあとに、なぜ押せないかと押せる時刻が読まれる
        await Expect(page.Locator("#bot-check")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(BotCheckTexts.TooEarly(time))));
        Assert.Equal(hashes, app.PasswordVerifications);
        await Browser.ScreenshotAsync(page, "login-bot-check-noscript-360");
        await Axe.AssertNoViolationsWithoutScriptAsync(page);

        app.Time.Advance(new BotCheckOptions().Wait);
        await login.SubmitAsync(Email, Password);
        await login.ExpectHomeAsync();
    }

    [Fact]
    public async Task A_solution_is_used_once()
    {
        await FailLoginsUpToTheThresholdAsync();
        using var client = app.CreateHttpClient();
        var solution = BotChecks.Solve(await client.GetStringAsync("/Account/Login"));

        // 一度目: 確認を通り、パスワードを照合する（誤り）
        var first = await (await LoginAsync(client, Email, "Wrong-pass-1", solution)).Content.ReadAsStringAsync();
        Assert.Contains(LoginTexts.Failed, first);

        // 二度目: 同じ答えは通らず、照合もしない
        var hashes = app.PasswordVerifications;
        var replay = await (await LoginAsync(client, Email, Password, solution)).Content.ReadAsStringAsync();
        Assert.Contains(BotCheckTexts.Failed, replay);
        Assert.Equal(hashes, app.PasswordVerifications);
    }

    [Fact]
    public async Task The_reset_request_page_with_a_check_passes_axe_and_works_in_a_browser()
    {
        using (var stranger = app.CreateHttpClient())
            for (var i = 0; i < new MyPage.Abuse.RateLimitOptions().ResetRequestsPerIdPerHour; i++)
                await Forms.PostAsync(stranger, "/Account/ForgotPassword", new() { ["Input.Id"] = Email });

        var page = await browser.OpenAsync(app, width: 360);
        // 答えを出す Worker を、画面を確かめ終えるまで止めておく（古い端末のように）
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/js/botcheck-worker.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        var forgot = new ForgotPasswordPage(page);
        await forgot.GotoAsync();
        await forgot.SubmitAsync(Email);
        var box = page.Locator("#bot-check");
        await Expect(box).ToBeFocusedAsync();
        // 「次へ進む」はもう押されている: 終わりしだい送ると言い、解けたらそのまま送る（「確認できました」で黙って止まらない）
        await Expect(box.Locator(".bot-check-status")).ToHaveTextAsync(BotCheckTexts.WaitThenSend);
        await Browser.ScreenshotAsync(page, "forgot-password-bot-check-360");
        await Axe.AssertNoViolationsAsync(page);
        release.SetResult();
        await new ResetPasswordPage(page).ExpectOpenAsync();
    }
}

// 確認の問題は、それを取った接続元とフォームに結びつき、通るたびに倍になる。数えるのはデータベースなので、SQLite と PostgreSQL の両方で
public class BotCheckBindingTests(AbuseSite site) : BotCheckBindingTest(site), IClassFixture<AbuseSite>;

[Trait("Category", "PostgreSQL")]
public class BotCheckBindingOnPostgreSqlTests(BotCheckBindingOnPostgreSqlTests.Site site) : BotCheckBindingTest(site), IClassFixture<BotCheckBindingOnPostgreSqlTests.Site>
{
    public sealed class Site() : AbuseSite(null, Store.PostgreSql);
}

public abstract class BotCheckBindingTest(SiteFixture site) : AbuseTest(site)
{
    [Fact]
    public async Task A_challenge_passes_only_from_the_client_and_the_form_it_was_given_to()
    {
        await FailLoginsUpToTheThresholdAsync();
        using var client = app.CreateHttpClient();
        var solution = BotChecks.Solve(await client.GetStringAsync("/Account/Login"));

        // 別の接続元から持ち込んだ答え（スクリプトが人に解かせて使い回す）は通らず、照合もしない
        using var elsewhere = app.CreateHttpClient();
        elsewhere.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        await FailLoginsUpToTheThresholdAsync(forwardedFor: "203.0.113.9");
        var hashes = app.PasswordVerifications;
        Assert.Contains(BotCheckTexts.Failed, await (await LoginAsync(elsewhere, Email, Password, solution)).Content.ReadAsStringAsync());
        // 別のフォーム（S2）のために取った問題の答えは、ログインでは通らない
        var forReset = BotChecks.Solve(await client.GetStringAsync("/Account/ForgotPassword?check=1"));
        Assert.Contains(BotCheckTexts.Failed, await (await LoginAsync(client, Email, Password, forReset)).Content.ReadAsStringAsync());
        Assert.Equal(hashes, app.PasswordVerifications);
        // 取った接続元とフォームでは通る
        Assert.Equal("/Home", (await LoginAsync(client, Email, Password, solution)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Each_check_a_client_passes_within_the_hour_doubles_its_next_one()
    {
        await FailLoginsUpToTheThresholdAsync();
        using var client = app.CreateHttpClient();
        var basic = new ProofOfWorkOptions().MaxNumber;
        Assert.Equal(basic, BotChecks.MaxNumber(await client.GetStringAsync("/Account/Login")));
        for (var passed = 1; passed <= 2; passed++)
        {
            var solution = BotChecks.Solve(await client.GetStringAsync("/Account/Login"));
            Assert.Contains(LoginTexts.Failed, await (await LoginAsync(client, $"nobody{passed}-{Email}", "Wrong-pass-1", solution)).Content.ReadAsStringAsync());
            Assert.Equal(basic << passed, BotChecks.MaxNumber(await client.GetStringAsync("/Account/Login")));
        }
        // ほかの接続元は、最初の大きさのまま
        using var other = app.CreateHttpClient();
        other.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.10");
        await FailLoginsUpToTheThresholdAsync(forwardedFor: "203.0.113.10");
        Assert.Equal(basic, BotChecks.MaxNumber(await other.GetStringAsync("/Account/Login")));
        // 1時間たてば、もとの大きさに戻る
        await using var scope = app.Services.CreateAsyncScope();
        var check = scope.ServiceProvider.GetRequiredService<ProofOfWorkCheck>();
        Assert.Equal(basic << 2, await check.MaxNumberAsync(ClientAddress));
        app.Time.Advance(CheckPasses.DoublingWindow);
        Assert.Equal(basic, await check.MaxNumberAsync(ClientAddress));
    }
}

// 期限切れの答え: 接続元の窓（既定 10 分）が問題の有効期間と同じなので、このクラスでは窓を1時間にして、期限だけを過ぎさせる
public class ExpiredProofOfWorkTests(ExpiredProofOfWorkTests.Site site) : AbuseTest(site), IClassFixture<ExpiredProofOfWorkTests.Site>
{
    public sealed class Site() : AbuseSite(new Dictionary<string, string?> { ["MyPage:RateLimits:ClientFailureWindow"] = "01:00:00" });

    [Fact]
    public async Task An_expired_or_forged_solution_is_refused()
    {
        await FailLoginsUpToTheThresholdAsync();
        using var client = app.CreateHttpClient();
        var solution = BotChecks.Solve(await client.GetStringAsync("/Account/Login"));
        app.Time.Advance(new ProofOfWorkOptions().Lifetime + TimeSpan.FromSeconds(1));
        var hashes = app.PasswordVerifications;
        Assert.Contains(BotCheckTexts.Failed, await (await LoginAsync(client, Email, Password, solution)).Content.ReadAsStringAsync());
        Assert.Contains(BotCheckTexts.Failed, await (await LoginAsync(client, Email, Password, "bm90IGEgc29sdXRpb24=")).Content.ReadAsStringAsync());
        Assert.Equal(hashes, app.PasswordVerifications);
    }
}
