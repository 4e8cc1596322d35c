using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MyPage.Data;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Home;

// 「求職者マイページホーム」をデモ求職者として（開発用のデモデータ: マニュアルの画面と同じ中身）
// デモのサイトはクラスで共有する。デモ求職者のデータを変えるテスト（メッセージを読む）は自分のサイトで。
[Trait("Category", "Browser")]
public class HomeTests(DemoSite site) : IAsyncLifetime, IClassFixture<DemoSite>
{
    private readonly Browser browser = new();
    private readonly MyPageApp app = site.App;
    private const string Demo = DatabaseStartup.DemoEmail;

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await browser.DisposeAsync();

    private async Task<IPage> DemoHomeAsync(int width = 1280, MyPageApp? on = null)
    {
        var page = await browser.OpenSignedInAsync(on ?? app, Demo, width: width);
        await page.GotoAsync("/Home");
        await new LoginPage(page).ExpectHomeAsync();
        return page;
    }

    [Fact]
    public async Task Can_see_everything_the_manual_shows_on_home()
    {
        var page = await DemoHomeAsync();
        var main = page.Locator("main");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "求職者マイページ" });
        foreach (var item in new[] { "ホーム", "求人検索", "求職活動状況", "メッセージ", "求職者情報・設定" })
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = item, Exact = true })).ToBeVisibleAsync();

        await Expect(main).ToContainTextAsync("前回のログイン日時：");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "求人者からのリクエスト求人" })).ToBeVisibleAsync();
        await Expect(page.Locator("#requests-count")).ToHaveTextAsync("全24件中最新の求人を表示しています。");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "求人者からのリクエスト求人を全て表示" })).ToBeVisibleAsync();

        var card = page.Locator("#requests .job-card");
        await Expect(card.GetByRole(AriaRole.Heading)).ToContainTextAsync("介護福祉士");
        await Expect(card.Locator(".job-status")).ToHaveTextAsync("有効");
        foreach (var text in new[] { "受付年月日：", "紹介期限日：", "区分", "フルタイム", "事業所名", "株式会社ハローワークテスト", "就業場所", "東京都千代田区",
                     "仕事の内容", "グループホーム", "雇用形態", "正社員", "就業時間", "休日", "週休二日制：毎週", "年間休日数：120日", "年齢", "制限あり",
                     "求人番号", "13010-00999999", "公開範囲", "求人数：1名" })
            await Expect(card).ToContainTextAsync(text);
        foreach (var tag in new[] { "経験不問", "学歴不問", "時間外労働なし", "週休二日制(土日休)", "転勤なし", "UIJターン歓迎", "トライアル雇用併用", "駅近(徒歩10分以内)", "マイカー通勤可" })
            await Expect(card.Locator(".tags li", new() { HasTextString = tag }).First).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "この求人に関するメッセージを表示" })).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "詳細を表示" })).ToBeVisibleAsync();

        var side = page.GetByRole(AriaRole.Complementary);
        await Expect(side).ToContainTextAsync("管轄安定所名");
        await Expect(page.Locator("#office-name")).ToHaveTextAsync("飯田橋公共職業安定所");
        await Expect(side).ToContainTextAsync("新着メッセージ");
        await Expect(page.Locator("#unread-count")).ToHaveTextAsync("2件");
        await Expect(page.Locator("#publication")).ToHaveTextAsync("公開中");
        await Expect(side.GetByRole(AriaRole.Heading, new() { Name = "応募中の求人" })).ToBeVisibleAsync();
        await Expect(side.GetByRole(AriaRole.Link, new() { Name = "応募中の求人を全て表示" })).ToBeVisibleAsync();
        await Expect(side.GetByRole(AriaRole.Heading, new() { Name = "ハローワークをご利用にあたってのご案内" })).ToBeVisibleAsync();
        await Expect(side.GetByRole(AriaRole.Img, new() { Name = "求職番号 70000-9999999 の2次元バーコード" })).ToBeVisibleAsync();
        await Expect(page.Locator("#seeker-number")).ToHaveTextAsync("70000-9999999");
        await Expect(side.GetByRole(AriaRole.Link, new() { Name = "職業訓練検索" })).ToBeVisibleAsync();
        await Expect(side.GetByRole(AriaRole.Link, new() { Name = "イベント情報検索" })).ToBeVisibleAsync();

        var saved = page.Locator("#saved-searches");
        await Expect(saved.GetByRole(AriaRole.Heading, new() { Name = "保存した求人検索条件" })).ToBeVisibleAsync();
        for (var slot = 1; slot <= 3; slot++)
        {
            await Expect(saved).ToContainTextAsync($"検索条件{slot}");
            await Expect(saved).ToContainTextAsync($"希望する求人の条件{slot}");
            await Expect(saved.GetByRole(AriaRole.Link, new() { Name = $"検索（検索条件{slot}）" })).ToBeVisibleAsync();
        }
        await Browser.ScreenshotAsync(page, "home-demo-1280");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Can_page_through_every_request_and_application()
    {
        var page = await DemoHomeAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "求人者からのリクエスト求人を全て表示" }).ClickAsync();
        await page.WaitForURLAsync("**/Home/Requests");
        await Expect(page.Locator(".job-card")).ToHaveCountAsync(10);
        await Expect(page.Locator(".job-card").First).ToContainTextAsync("13010-00999999");
        await Expect(page.Locator(".pager")).ToContainTextAsync("1 / 3 ページ（全24件）");
        await page.GetByRole(AriaRole.Link, new() { Name = "次のページ" }).ClickAsync();
        await page.WaitForURLAsync("**/Home/Requests?page=2");
        await Expect(page.Locator(".pager")).ToContainTextAsync("2 / 3 ページ");
        await Expect(page.Locator(".job-card")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "次のページ" }).ClickAsync();
        await page.WaitForURLAsync("**/Home/Requests?page=3");
        await Expect(page.Locator(".pager")).ToContainTextAsync("3 / 3 ページ");
        await Expect(page.Locator(".job-card")).ToHaveCountAsync(4);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "次のページ" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "前のページ" }).ClickAsync();
        await Expect(page.Locator(".pager")).ToContainTextAsync("2 / 3 ページ");

        // 24件がちょうど一度ずつ出る
        var numbers = new List<string>();
        for (var p = 1; p <= 3; p++)
        {
            await page.GotoAsync($"/Home/Requests?page={p}");
            numbers.AddRange(await page.Locator(".job-number").AllTextContentsAsync());
        }
        Assert.Equal(24, numbers.Distinct().Count());
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/Home");
        await page.GetByRole(AriaRole.Link, new() { Name = "応募中の求人を全て表示" }).ClickAsync();
        await Expect(page.Locator("#application-list li")).ToHaveCountAsync(4);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Can_open_the_right_job_and_its_messages()
    {
        var page = await DemoHomeAsync();
        await page.Locator("#requests .job-card").GetByRole(AriaRole.Link, new() { Name = "詳細を表示" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "求人の詳細", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".job-number")).ToHaveTextAsync("13010-00999999");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "この求人に関するメッセージを表示" }).ClickAsync();
        await Expect(page.Locator("#message-list li")).ToHaveCountAsync(2);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Can_read_a_message_and_the_unread_count_goes_down()
    {
        await using var own = new MyPageApp(settings: DemoSite.Settings);
        var page = await DemoHomeAsync(on: own);
        await page.Locator("#unread-count").ClickAsync();
        await Expect(page.Locator("#message-list li.unread")).ToHaveCountAsync(2);
        await Expect(page.Locator("#message-list li")).ToHaveCountAsync(4);
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "面接日程のご案内" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "面接日程のご案内" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/Home");
        await Expect(page.Locator("#unread-count")).ToHaveTextAsync("1件");
    }

    [Fact]
    public async Task Can_run_a_saved_search_and_get_only_open_matching_jobs()
    {
        var page = await DemoHomeAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "検索（検索条件1）" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("希望する求人の条件1");
        var expected = await app.WithDbAsync(db => db.JobPostings.CountAsync(j => j.ReferralDeadline >= MyPage.Time.JapanTime.Today(app.Time)
            && (j.Occupation.Contains("介護") || j.Description.Contains("介護") || j.CompanyName.Contains("介護") || j.Tags.Contains("介護"))));
        Assert.True(expected > 1);
        await Expect(page.Locator("#result-count")).ToHaveTextAsync($"{expected}件の有効な求人が見つかりました。");
        foreach (var status in await page.Locator(".job-status").AllTextContentsAsync()) Assert.Equal("有効", status);
        foreach (var card in await page.Locator(".job-card").AllAsync()) await Expect(card).ToContainTextAsync("介護");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/SavedSearches/Run/2");
        foreach (var card in await page.Locator(".job-card").AllAsync()) await Expect(card).ToContainTextAsync("パート");
    }

    [Fact]
    public async Task Can_see_plain_empty_states_as_a_new_seeker()
    {
        await app.CreateSeekerAsync("empty@example.jp", "Right-pass-1", null);
        var page = await browser.OpenSignedInAsync(app, "empty@example.jp", width: 360);
        await page.GotoAsync("/Home");
        await new LoginPage(page).ExpectHomeAsync();
        await Expect(page.Locator("#requests")).ToContainTextAsync("求人者からのリクエスト求人は、まだありません。");
        await Expect(page.Locator("#applications")).ToContainTextAsync("応募中の求人はありません。");
        // 「求人検索」の画面と同じことを言う（そこでは、まだ条件を保存できない）
        await Expect(page.Locator("#saved-searches")).ToContainTextAsync(MyPage.Pages.Home.HomeTexts.NoSavedSearches);
        await Expect(page.Locator("#saved-searches")).Not.ToContainTextAsync("「求人検索」で条件を保存");
        await Expect(page.Locator("#unread-count")).ToHaveTextAsync("0件");
        await Expect(page.Locator("#publication")).ToHaveTextAsync("非公開");
        await Browser.ScreenshotAsync(page, "home-empty-360");
        await Axe.AssertNoViolationsAsync(page);
        foreach (var path in new[] { "/Home/Requests", "/Home/Applications", "/Messages", "/JobSearch", "/Activity", "/Settings" })
        {
            await page.GotoAsync(path);
            await Axe.AssertNoViolationsAsync(page);
        }
    }

    [Fact]
    public async Task Cannot_see_another_seekers_requests_applications_or_messages_by_changing_the_url()
    {
        await app.CreateSeekerAsync("other@example.jp", "Right-pass-1", null);
        using var other = app.CreateHttpClient();
        await Forms.LoginAsync(other, "other@example.jp", "Right-pass-1");

        var demoMessages = await app.WithDbAsync(db => db.Messages.Select(m => new { m.Id, m.ReadAt }).ToListAsync());
        Assert.NotEmpty(demoMessages);
        foreach (var message in demoMessages)
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Messages/Detail/{message.Id}")).StatusCode);
        // 開けなかったメッセージは既読にならない
        Assert.Equal(demoMessages, await app.WithDbAsync(db => db.Messages.Select(m => new { m.Id, m.ReadAt }).ToListAsync()));

        foreach (var slot in new[] { 1, 2, 3 })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/SavedSearches/Run/{slot}")).StatusCode);
        Assert.DoesNotContain("job-card", await other.GetStringAsync("/Home/Requests"));
        Assert.DoesNotContain("application-list", await other.GetStringAsync("/Home/Applications"));
        Assert.DoesNotContain("message-list", await other.GetStringAsync("/Messages"));
        var newest = await app.WithDbAsync(db => db.JobPostings.Where(j => j.Number == DemoData.NewestNumber).Select(j => j.Id).SingleAsync());
        Assert.DoesNotContain("message-list", await other.GetStringAsync($"/Messages/Job/{newest}"));
    }
}
