using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MyPage.Pages.Mynaportal;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using MyPage.Tests.Pages.Settings;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages.Mynaportal;

// マイナポータルのテストの土台: My Page と模擬マイナポータル（本物の OpenID Connect プロバイダー）を
// それぞれのループバックのポートで動かし（テストクラスで共有）、テストごとに一人の求職者を置く。ブラウザは Debian の Chromium。
// 模擬マイナポータルの利用者（マイナ 太郎、花子）は決まっているので、テストの始めに連携をすべて外す（クラスのテストは順に動く）。
public abstract class MynaportalTest(MynaportalFixture fixture) : IAsyncLifetime
{
    private static int seekers;

    protected readonly Browser browser = new();
    protected readonly MynaportalSites sites = fixture.Sites;
    protected MyPageApp App => sites.MyPage;
    protected string Email { get; } = $"myna{Interlocked.Increment(ref seekers)}@example.jp";
    protected const string Password = "Right-pass-1";
    private readonly int logStart = fixture.Sites.MyPage.Logs.Lines.Count;
    protected string ClientAddress { get; } = TestClient.UseNew();

    // このテストが始まってからのログ
    protected IReadOnlyList<string> LogLines => App.Logs.Lines.Skip(logStart).ToList();

    protected string SeekerId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await App.WithDbAsync(db => db.MynaportalLinks.ExecuteDeleteAsync());
        SeekerId = (await App.CreateSeekerAsync(Email, Password, null)).Id;
    }

    public async Task DisposeAsync() => await browser.DisposeAsync();

    protected MockMynaportalPage Mock(IPage page) => new(page, sites.MockUrl, App.BaseUrl);

    // ログインして「求職者情報・設定」から連携する
    protected async Task<SettingsPage> LinkAsync(IPage page, string person, bool expectLinked = true)
    {
        await new LoginPage(page).LogInAsync(Email, Password);
        var settings = new SettingsPage(page);
        await settings.GotoAsync();
        await settings.StartLinkingAsync(Password);
        await Mock(page).LogInIfAskedAsync(person);
        if (expectLinked) await Expect(settings.Status).ToHaveTextAsync(MynaportalTexts.Linked);
        return settings;
    }

    // ログインのあと、マイナポータルの利用者の名前を見て「連携する」（または「連携しない」）を選び、ホームで結果を聞く
    // （フォーカスで一度だけ）
    protected static async Task AnswerLinkAsync(IPage page, string person, bool link = true)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = MynaportalTexts.ConfirmTitle, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#confirm-question")).ToContainTextAsync($"「{person}」");
        await using var transcript = await ScreenReaderTranscript.StartAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = link ? MynaportalTexts.ConfirmLink : MynaportalTexts.ConfirmDecline, Exact = true }).ClickAsync();
        await new LoginPage(page).ExpectHomeAsync();
        var said = link ? MynaportalTexts.Linked : MynaportalTexts.Declined;
        await Expect(page.Locator("#status")).ToHaveTextAsync(said);
        await Expect(page.Locator("#status")).ToBeFocusedAsync();
        Assert.Equal([$"focus group: {said}"], await transcript.HearAsync());
    }

    protected static async Task AssertNoSessionAsync(IPage page)
    {
        var cookies = await page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name == "__Host-mypage-session");
    }

    protected Task<string?> LinkedSubjectAsync()
        => App.WithDbAsync(db => db.MynaportalLinks.Where(l => l.SeekerId != null).Join(db.Users.Where(u => u.Email == Email), l => l.SeekerId, u => u.Id, (l, _) => l.Subject).SingleOrDefaultAsync());

    protected Task<DateTimeOffset?> LastLoginAsync()
        => App.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.LastLoginAt).SingleAsync());
}

// My Page と模擬マイナポータルの組（テストクラスで共有）
public class MynaportalFixture : IAsyncLifetime
{
    public MynaportalFixture() : this(false) { }

    protected MynaportalFixture(bool oneTimePassword) => Sites = new(oneTimePassword: oneTimePassword);

    public MynaportalSites Sites { get; }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await Sites.DisposeAsync();
}

// ワンタイムパスワードを使う My Page と模擬マイナポータル
public sealed class MynaportalWithOneTimePasswordFixture() : MynaportalFixture(oneTimePassword: true);
