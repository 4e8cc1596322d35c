using Microsoft.Playwright;
using MyPage.Pages.Account;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Account;
using static Microsoft.Playwright.Assertions;

namespace MyPage.Tests.Pages;

// axe（WCAG 2.x A/AA）で違反ゼロ。360px 幅と PC 幅のスクリーンショットも残す。
[Trait("Category", "Browser")]
public class AccessibilityTests(DemoSite site) : SeekerTest(site), IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("/", "top")]
    [InlineData("/Account/Login", "login")]
    [InlineData("/Account/ForgotId", "forgot-id")]
    [InlineData("/no-such-page", "not-found")]
    public async Task Can_use_public_pages_without_axe_violations(string path, string name)
    {
        foreach (var width in new[] { 360, 1280 })
        {
            var page = await browser.OpenAsync(app, width: width);
            await page.GotoAsync(path);
            await Browser.ScreenshotAsync(page, $"{name}-{width}");
            await Axe.AssertNoViolationsAsync(page);
            await AssertFitsAsync(page, width);
        }
    }

    // フォーカスの印（黄色の outline と、その外の黒い輪）は、どの種類のボタンでも、ページの背景に対して 3:1 以上の部分を持つ
    // (WCAG 1.4.11)。ボタンの種類ごとの影 (box-shadow) の規則が、フォーカスの黒い輪を上書きして消していた
    // 誤りのまとめとロックの知らせは、フォーカスが移ったときに見出し（名前）だけでなく誤りそのもの（説明）が読まれる
    // （role="group" と aria-describedby。role のない div の aria-labelledby では、見出ししか読まれなかった）
    [Fact]
    public async Task Announces_the_error_itself_when_the_summary_or_the_lockout_takes_focus()
    {
        var page = await browser.OpenAsync(app, width: 360);
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SubmitAsync(Email, "Wrong-pass-1");
        var summary = page.Locator("#error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToHaveRoleAsync(AriaRole.Group);
        await Expect(summary).ToHaveAccessibleNameAsync("入力内容をご確認ください");
        await Expect(summary).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(LoginTexts.Failed)));

        // あと3回の誤りは HTTP で（ロックは ID ごとに数える）、5回目をブラウザで
        using (var client = app.CreateHttpClient())
            for (var i = 0; i < 3; i++) await Forms.LoginAsync(client, Email, "Wrong-pass-1");
        await login.SubmitAsync(Email, "Wrong-pass-1");
        var lockout = page.Locator("#lockout");
        await Expect(lockout).ToBeFocusedAsync();
        await Expect(lockout).ToHaveAccessibleNameAsync(LoginTexts.LockedHeading);
        await Expect(lockout).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(LoginTexts.Lockout) + ".+"));
    }

    [Theory]
    [InlineData("button")]
    [InlineData("button secondary")]
    [InlineData("button danger")]
    [InlineData("button small")]
    [InlineData("button small secondary")]
    public async Task Shows_a_focus_ring_of_at_least_three_to_one_on_every_kind_of_button(string classes)
    {
        var page = await browser.OpenAsync(app, width: 360);
        await page.GotoAsync("/Account/Login");
        var ring = await page.EvaluateAsync<string[]>("""
            classes => {
              const button = document.createElement('button');
              button.type = 'button';
              button.className = classes;
              button.textContent = '確かめる';
              document.querySelector('main').append(button);
              button.focus();
              const style = getComputedStyle(button);
              return [String(button.matches(':focus-visible')), style.outlineStyle, style.outlineColor, style.boxShadow,
                      getComputedStyle(document.body).backgroundColor];
            }
            """, classes);
        Assert.Equal("true", ring[0]);
        await Browser.ScreenshotAsync(page, "focus-" + classes.Replace(' ', '-'));
        var background = Rgb(ring[4]);
        // 外の輪: 広がり (spread) が 2px 以上で、ずれのない影
        var shadow = System.Text.RegularExpressions.Regex.Match(ring[3], @"(rgba?\([^)]*\)) 0px 0px 0px (\d+)px");
        var best = Math.Max(
            ring[1] == "none" ? 0 : Contrast(Rgb(ring[2]), background),
            shadow.Success && int.Parse(shadow.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) >= 2 ? Contrast(Rgb(shadow.Groups[1].Value), background) : 0);
        Assert.True(best >= 3, $"{classes}: outline {ring[1]} {ring[2]}, box-shadow {ring[3]}, 背景 {ring[4]}: 一番よい対比 {best:0.00}:1");
    }

    private static (double R, double G, double B) Rgb(string css)
    {
        var parts = System.Text.RegularExpressions.Regex.Matches(css, @"[\d.]+").Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2]);
    }

    private static double Contrast((double R, double G, double B) a, (double R, double G, double B) b)
    {
        static double Channel(double c) => (c /= 255) <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        static double Luminance((double R, double G, double B) c) => 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    [Fact]
    public async Task Can_use_login_with_an_error_without_axe_violations()
    {
        var page = await browser.OpenAsync(app, width: 360);
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = LoginTexts.Submit, Exact = true }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync(LoginTexts.IdRequired);
        await Expect(page.GetByLabel(LoginTexts.IdLabel)).ToHaveAttributeAsync("aria-describedby", "login-id-error");
        await Browser.ScreenshotAsync(page, "login-error-360");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Can_use_login_when_locked_without_axe_violations()
    {
        var page = await browser.OpenAsync(app, width: 360);
        await page.GotoAsync("/Account/Login");
        var login = new LoginPage(page);
        for (var i = 1; i < 5; i++)
        {
            await login.SubmitAsync(Email, "Wrong-pass-1");
            await login.ExpectErrorAsync(LoginTexts.Failed);
        }
        await login.SubmitAsync(Email, "Wrong-pass-1");
        await login.ExpectLockedAsync();
        await Browser.ScreenshotAsync(page, "login-locked-360");
        await Axe.AssertNoViolationsAsync(page);
    }

    // ホームは、中身のあるもの（デモ求職者）を電話の幅で、空のもの（新しい求職者）を PC の幅で。
    // 逆の組み合わせは HomeTests が確かめる（同じ状態に axe を二度かけない）
    [Fact]
    public async Task Can_use_home_without_axe_violations()
    {
        foreach (var (width, seeker) in new[] { (360, MyPage.Data.DatabaseStartup.DemoEmail), (1280, Email) })
        {
            var page = await browser.OpenSignedInAsync(app, seeker, width: width);
            await page.GotoAsync("/Home");
            await new LoginPage(page).ExpectHomeAsync();
            await Browser.ScreenshotAsync(page, $"home-{width}");
            await Axe.AssertNoViolationsAsync(page);
            await AssertFitsAsync(page, width);
        }
    }

    [Fact]
    public async Task Can_read_every_page_at_320_pixels_without_sideways_scrolling()
    {
        var page = await browser.OpenAsync(app, width: 320);
        foreach (var path in new[] { "/", "/Account/Login", "/Account/ForgotId", "/no-such-page" })
        {
            await page.GotoAsync(path);
            await AssertFitsAsync(page, 320);
        }
    }

    [Fact]
    public async Task Can_skip_to_the_main_content()
    {
        var page = await browser.OpenAsync(app);
        await page.GotoAsync("/Account/Login");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "本文へスキップ" });
        await Expect(skip).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Can_tell_every_page_apart_by_its_title()
    {
        var titles = new List<string>();
        var page = await browser.OpenAsync(app);
        foreach (var path in new[] { "/", "/Account/Login", "/Account/ForgotId", "/no-such-page" })
        {
            await page.GotoAsync(path);
            Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
            titles.Add(await page.TitleAsync());
        }
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} は {width}px 幅で横にはみ出します ({scrollWidth}px)");
    }
}
