using System.Text.RegularExpressions;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages;

// ログインの前の入口の画面が HTML に書くスタイルは、スタイルシートのうち入口の画面が使う部分だけ（ログイン後の画面だけの
// 規則は書かない: 遅い回線では一画面あたり約 1.2 KB、圧縮しないと約 4 KB 少ない）。入口の画面のどの状態（入力の誤り、
// ロック、人の確認）でも、使うクラスに規則があれば、その規則は書いたスタイルの中にある（ないと崩れて描かれる）
public partial class EntryStylesTests : IClassFixture<EntryStylesTests.Site>
{
    public sealed class Site() : SiteFixture(new Dictionary<string, string?> { ["MyPage:Login:OneTimePassword:Enabled"] = "true" })
    {
        public override async Task InitializeAsync() => await App.CreateSeekerAsync(SeekerSiteFixture.Email, SeekerSiteFixture.Password, "70000-1234567", "飯田橋公共職業安定所");
    }

    private readonly Site site;

    public EntryStylesTests(Site site) => this.site = site;

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("class=\"([^\"]+)\"")]
    private static partial Regex ClassAttribute();

    private static readonly string Stylesheet = File.ReadAllText(Path.Combine(Repository.Root, "wwwroot", "css", "site.css"));

    private static bool HasRuleFor(string css, string name) => Regex.IsMatch(css, $@"\.{Regex.Escape(name)}(?![\w-])");

    [Fact]
    public async Task Writes_every_rule_an_entry_page_uses_and_leaves_out_the_signed_in_pages_rules()
    {
        var pages = new List<(string Name, string Html)>();
        using (var client = site.App.CreateHttpClient())
        {
            foreach (var path in new[] { "/", "/Account/Login", "/Account/Login?check=1", "/Account/ForgotPassword", "/Account/ResetPassword",
                         "/Register", "/Register/Complete?token=nothing", "/Mynaportal/Unlinked" })
                pages.Add((path, await client.GetStringAsync(path)));
            pages.Add(("S1 入力の誤り", await (await Forms.LoginAsync(client, "", "")).Content.ReadAsStringAsync()));
            pages.Add(("S2 入力の誤り", await (await Forms.PostAsync(client, "/Account/ForgotPassword", new() { ["Input.Id"] = "" })).Content.ReadAsStringAsync()));
            pages.Add(("開設 入力の誤り", await (await Forms.PostAsync(client, "/Register", [])).Content.ReadAsStringAsync()));
            // 本登録（メールのリンクから来る入口）: 生年月日の欄、選ぶ欄、同意の欄。空で送って誤りの状態も
            await Forms.PostAsync(client, "/Register", new() { ["Input.Email"] = "new-seeker@example.jp", ["Input.AgreeTerms"] = "true", ["Input.AgreePrivacy"] = "true" });
            var complete = new Uri(Mails.RegisterUrl(await site.App.Smtp.WaitForAsync("new-seeker@example.jp", MyPage.Registration.RegistrationMails.ProvisionalSubject))).PathAndQuery;
            pages.Add(("本登録", await client.GetStringAsync(complete)));
            pages.Add(("本登録 入力の誤り", await (await Forms.PostAsync(client, complete, [])).Content.ReadAsStringAsync()));
            var toCode = await Forms.LoginAsync(client, SeekerSiteFixture.Email, SeekerSiteFixture.Password);
            pages.Add(("ワンタイムパスワード", await client.GetStringAsync(toCode.Headers.Location)));
        }
        using (var client = site.App.CreateHttpClient())
        {
            HttpResponseMessage? locked = null;
            for (var i = 0; i < 6; i++) locked = await Forms.LoginAsync(client, SeekerSiteFixture.Email, "Wrong-pass-1");
            pages.Add(("S1 ロック", await locked!.Content.ReadAsStringAsync()));
        }
        Assert.Contains(pages, p => p.Html.Contains("class=\"lockout\"", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Html.Contains("class=\"date-parts\"", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Name == "ワンタイムパスワード" && p.Html.Contains("one-time", StringComparison.OrdinalIgnoreCase));

        var missing = new List<string>();
        foreach (var (name, html) in pages)
        {
            var inline = Style().Match(html).Groups[1].Value;
            Assert.True(inline.Length > 1000, $"{name}: スタイルが HTML に書かれていません");
            var used = ClassAttribute().Matches(html).SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
            missing.AddRange(used.Where(c => HasRuleFor(Stylesheet, c) && !HasRuleFor(inline, c)).Select(c => $"{name}: .{c}"));
        }
        Assert.Empty(missing.Distinct());

        // ログイン後の画面だけの規則（求人の一覧、表、セッションの警告）は、入口の画面に書かない
        var entryCss = Style().Match(pages[1].Html).Groups[1].Value;
        foreach (var signedInOnly in new[] { "job-card", "history-table", "session-warning", "seeker-nav" })
            Assert.False(HasRuleFor(entryCss, signedInOnly), $".{signedInOnly} が入口の画面に書かれています");
        Assert.True(entryCss.Length < Stylesheet.Length * 2 / 3, $"入口の画面のスタイルが {entryCss.Length} バイト（スタイルシートは {Stylesheet.Length}）");
    }
}
