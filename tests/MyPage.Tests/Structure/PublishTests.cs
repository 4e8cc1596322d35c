using System.Diagnostics;
using System.Net;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Structure;

// README の「Running in production」の publish を、そのとおりに実行して確かめる: 大きさ（動かす環境の分だけの
// ネイティブのライブラリ）と、公開したフォルダーを別のディレクトリ（wwwroot と appsettings.json を持つリポジトリの根）から
// 起動しても、スタイルシートとスクリプトを本当の長さで（圧縮しても）配ること
[Trait("Category", "Processes")]
public class PublishTests(PublishTests.Published published) : IClassFixture<PublishTests.Published>
{
    private string Out => published.Out;
    // この試験のデータベースとメールボックス（公開したフォルダーの隣）
    private readonly string folder = Path.Combine(published.Folder, Guid.NewGuid().ToString("N"));

    // README の publish を一度だけ（このクラスの試験が共有する）
    public sealed class Published : IAsyncLifetime
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"mypage-publish-{Guid.NewGuid():N}");
        public string Out => Path.Combine(Folder, "out");

        // README の publish のコマンド（-o だけをこのテストのフォルダーに）
        public Task InitializeAsync()
            => Repository.DotnetAsync(TimeSpan.FromMinutes(4), [.. Repository.ReadmeDotnetArguments(l => l.StartsWith("dotnet publish ", StringComparison.Ordinal), Out), "-v", "q"]);

        public Task DisposeAsync()
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Publishes_at_most_30_mb_for_the_platform_it_runs_on_and_serves_its_own_files_from_any_directory()
    {
        // 大きさ: 11 の環境のネイティブのライブラリ (runtimes/) を持たない
        var bytes = new DirectoryInfo(Out).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Assert.True(bytes <= 30L * 1024 * 1024, $"{bytes / 1024 / 1024} MB");
        Assert.False(Directory.Exists(Path.Combine(Out, "runtimes")), "runtimes/ があります（ほかの環境の分）");

        // リポジトリの根から、公開したフォルダーの MyPage.dll を起動する
        var database = Path.Combine(folder, "mypage.db");
        await using var site = new RunningSite(new Dictionary<string, string>
        {
            ["ConnectionStrings__MyPage"] = $"Data Source={database}",
            ["MyPage__Mail__Transport"] = "Directory",
            ["MyPage__Mail__Directory"] = Path.Combine(folder, "mailbox"),
        }, app: Out, workingDirectory: Repository.Root);
        await site.WaitUntilReadyAsync();

        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = site.BaseUrl };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
        var html = await client.GetStringAsync("/Account/Login");
        var assets = System.Text.RegularExpressions.Regex.Matches(html, @"(?:src|href)=""(/(?:lib|js|css)/[^""]+\.(?:js|css))""").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.StartsWith("/css/site.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/js/forms.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/lib/htmx/", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(asset);
            var body = await response.Content.ReadAsStringAsync();
            var name = Path.GetFileName(asset).Split('.')[0];
            var original = Directory.EnumerateFiles(Path.Combine(Repository.Root, "wwwroot"), name + ".*", SearchOption.AllDirectories)
                .First(f => f.EndsWith(Path.GetExtension(asset), StringComparison.Ordinal) && !f.EndsWith(".br", StringComparison.Ordinal) && !f.EndsWith(".gz", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(File.ReadAllText(original).Length, body.Length);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }
    }

    // README の「Running on PostgreSQL with several instances」: 公開したフォルダーの二つのインスタンスを、その設定のまま
    // （証明書で暗号化する鍵の束、信頼するプロキシ、公開の URL）一つの PostgreSQL で、リポジトリの根から起動する。
    // 職員のコマンドで作った求職者が、A で開いた画面の CSRF トークンで B にログインし、ワンタイムパスワードを待つログインを A で続ける
    [Fact]
    [Trait("Category", "PostgreSQL")]
    public async Task Runs_the_readme_recipe_of_two_instances_on_one_postgresql_database_from_the_published_folder()
    {
        Directory.CreateDirectory(folder);
        await using var database = await PostgresDatabase.CreateAsync(migrated: false);
        var pfx = await DataProtectionPfx.CreateAsync(folder);
        // README の環境変数そのまま（接続文字列とアドレスだけをこの試験のものに）
        var recipe = new Dictionary<string, string>
        {
            ["MyPage__Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__MyPage"] = database.ConnectionString,
            ["MyPage__PublicUrl"] = "https://mypage.example.jp/",
            ["MyPage__KnownProxies__0"] = "10.0.0.2",
            ["MyPage__DataProtection__Certificate__Path"] = pfx,
            ["MyPage__DataProtection__Certificate__Password"] = DataProtectionPfx.Password,
            ["MyPage__DataProtection__AllowUnencryptedKeys"] = "false",
        };
        await using var a = new RunningSite(recipe, app: Out, workingDirectory: Repository.Root);
        await using var b = new RunningSite(recipe, app: Out, workingDirectory: Repository.Root);
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());

        var staff = SiteProcess.StartInfo(LoopbackPort.Free(), new Dictionary<string, string>(), recipe, Out, Repository.Root, "staff", "create-seeker", "--email", "recipe@example.jp", "--password-stdin");
        staff.RedirectStandardInput = true;
        using (var create = Process.Start(staff)!)
        {
            await create.StandardInput.WriteLineAsync("Recipe-pass-1");
            create.StandardInput.Close();
            var error = create.StandardError.ReadToEndAsync();
            await create.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.True(create.ExitCode == 0, await error);
        }

        // ロードバランサーの後ろのように、同じブラウザが A にも B にも来る。平文の HTTP に X-Forwarded-Proto: https（TLS はプロキシ）
        // なので、Secure の Cookie は手で持って送る（CookieContainer は http:// の要求に Secure の Cookie を送らない）
        var jar = new Dictionary<string, string>();
        async Task<HttpResponseMessage> SendAsync(RunningSite site, HttpMethod method, string path, HttpContent? content = null)
        {
            using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = site.BaseUrl };
            using var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.Host = "mypage.example.jp";
            request.Headers.Add("X-Forwarded-Proto", "https");
            if (jar.Count > 0) request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            var response = await client.SendAsync(request);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = cookie.Split(';')[0];
                jar[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
            }
            return response;
        }

        var token = Forms.Token(await (await SendAsync(a, HttpMethod.Get, "/Account/Login")).Content.ReadAsStringAsync());
        var login = await SendAsync(b, HttpMethod.Post, "/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Id"] = "recipe@example.jp",
            ["Input.Password"] = "Recipe-pass-1",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.EndsWith("/Account/OneTimePassword", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var waiting = await (await SendAsync(a, HttpMethod.Get, "/Account/OneTimePassword")).Content.ReadAsStringAsync();
        Assert.Contains(MyPage.Pages.Account.OneTimePasswordTexts.Sent("recipe@example.jp"), waiting, StringComparison.Ordinal);

        // 本番の既定のログは SQL の一文ずつを書かない（起動の失敗が何百行に埋もれないように）
        Assert.DoesNotContain("Executed DbCommand", a.Output + b.Output, StringComparison.Ordinal);
    }
}
