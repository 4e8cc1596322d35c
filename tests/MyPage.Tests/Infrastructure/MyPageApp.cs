using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MyPage.Data;
using MyPage.Security;
using Microsoft.AspNetCore.Http;

namespace MyPage.Tests.Infrastructure;

// 本物の部品で動くサイト: 一時 SQLite ファイル（または PostgreSQL）、ループバックの Kestrel (HTTPS)、FakeTimeProvider の時計。
public sealed class MyPageApp : WebApplicationFactory<Program>
{
    private static readonly X509Certificate2 Certificate = LocalCertificate.Create();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
    public string DatabasePath { get; }
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly bool keepDatabase;
    private readonly string environment;
    public LogCapture Logs { get; } = new();
    public TestSmtpServer Smtp { get; } = new();
    private readonly CountingPasswordHasher.Counter hashes;
    public int PasswordVerifications => hashes.Verifications;
    public int MaxHashesInFlight => hashes.MaxInFlight;

    // databasePath を渡すと、そのファイルで「再起動」したサイトになる
    // https: false なら平文の HTTP で待ち受ける（HTTPS なしで来た要求の試験のため）
    // store: PostgreSql なら、このサイトだけの PostgreSQL データベースを作って使う（終われば消す）。
    // postgres を渡すと、そのデータベースを使う（二つのインスタンスで共有する。消すのは渡した側）
    // migrated: 新しいデータベースはマイグレーション済みの写しから（既定）。false なら空から（マイグレーションの試験）
    // productionHashing: 本番と同じ重さの Argon2id（ハッシュの重さ、時間でIDがわからないことの試験）。既定は一番軽いもの
    public MyPageApp(string? databasePath = null, IReadOnlyDictionary<string, string?>? settings = null, bool keepDatabase = false, bool smtpUp = true, string environment = "Testing", bool https = true,
        Store store = Store.Sqlite, PostgresDatabase? postgres = null, bool migrated = true, bool productionHashing = false, bool plainHttpToo = false,
        bool metrics = false, Action<IServiceCollection>? services = null, bool localhost = false)
    {
        // localhost: 公開の URL を https://localhost:port にする（パスキーの RP ID は IP アドレスになれない）。
        // 127.0.0.1 と ::1 の両方で待ち受ける（ブラウザが localhost をどちらに引いても届く）
        host = localhost ? "localhost" : "127.0.0.1";
        moreServices = services;
        // metrics: Prometheus の受け口 (MyPage:Metrics:Urls) を、このサイトだけのループバックのポートで開く
        if (metrics)
        {
            MetricsUrl = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
            settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["MyPage:Metrics:Urls"] = MetricsUrl.ToString().TrimEnd('/') };
        }
        hashes = new(productionHashing);
        if (store == Store.PostgreSql || postgres is not null)
        {
            Postgres = postgres ?? PostgresDatabase.Create(migrated);
            ownsPostgres = postgres is null;
            settings = Postgres.Settings(settings);
        }
        scheme = https ? "https" : "http";
        this.environment = environment;
        if (smtpUp) Smtp.Start();
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"mypage-test-{Guid.NewGuid():N}.db");
        if (databasePath is null && Postgres is null && migrated) DatabaseTemplates.CopySqliteTo(DatabasePath);
        this.settings = settings ?? new Dictionary<string, string?>();
        this.keepDatabase = keepDatabase;
        // ポートは先に決める: 公開の URL (MyPage:PublicUrl) に入れるので、起動の前に要る
        port = LoopbackPort.Free();
        if (plainHttpToo) PlainHttpUrl = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        UseKestrel(k =>
        {
            if (localhost) k.ListenLocalhost(port, l => { if (https) l.UseHttps(Certificate); });
            else k.Listen(IPAddress.Loopback, port, l => { if (https) l.UseHttps(Certificate); });
            // plainHttpToo: HTTPS のほかに平文の HTTP でも待ち受ける（本番で、HTTPS へ移すか断るかの試験）
            if (PlainHttpUrl is { } plain) k.Listen(IPAddress.Loopback, plain.Port);
        });
        StartServer();
    }

    // services: サイトのサービスに足す・置き換えるもの（サイトの登録のあと。追跡の試験が書き出す先を足し、
    // IdentityMetricsTests が UserManager を数える）
    private readonly Action<IServiceCollection>? moreServices;

    public PostgresDatabase? Postgres { get; }
    // サイトが登録したサービスの一覧（サイトが読む設定を数える試験のため: ReadmeSettingsTests）
    public IReadOnlyList<ServiceDescriptor> Registrations { get; private set; } = [];
    private readonly bool ownsPostgres;
    private readonly int port;
    private readonly string scheme;
    private readonly string host;

    public Uri BaseUrl => new($"{scheme}://{host}:{port}/");
    public Uri? PlainHttpUrl { get; }
    public Uri? MetricsUrl { get; }

    // 受け口 (/metrics) が今返す数（metrics: true のサイトだけ）
    public Task<Scrape> ScrapeAsync() => Scrape.ReadAsync(MetricsUrl ?? throw new InvalidOperationException("metrics: true で作ったサイトではありません"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // ビルド出力から動かすので、wwwroot を静的ウェブ資産の目録どおりに配る（公開版では publish の wwwroot）
        builder.UseStaticWebAssets();
        // 本番と同じく、ビルド時に圧縮したファイルをそのまま配る（開発用の作り直しは無圧縮の gzip になる）
        builder.UseSetting("ReloadStaticAssetsAtRuntime", "false");
        builder.UseSetting("ConnectionStrings:MyPage", $"Data Source={DatabasePath}"); // PostgreSQL では settings が置き換える (PostgresDatabase)
        builder.UseSetting("MyPage:Mail:Transport", "Smtp");
        builder.UseSetting("MyPage:Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("MyPage:Mail:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("MyPage:Mail:Smtp:UseTls", "false");
        // 模擬マイナポータルはテストが自分のループバックのポートで動かす（Development でも dotnet run で起動させない）
        builder.UseSetting("MyPage:Mynaportal:DevelopmentMock:Enabled", "false");
        builder.UseSetting("MyPage:PublicUrl", BaseUrl.ToString());
        // テストのサイトは鍵の束を証明書で暗号化しない（暗号化の試験は DataProtectionCertificateTests が証明書を渡す）
        builder.UseSetting("MyPage:DataProtection:AllowUnencryptedKeys", "true");
        // ワンタイムパスワードは既定で使う設定だが、ほかの画面の試験ではログインを一歩で済ませる。
        // ワンタイムパスワードの試験は settings で有効にする (OneTimePasswordTests)
        builder.UseSetting("MyPage:Login:OneTimePassword:Enabled", "false");
        // テストのブラウザと HttpClient はみな 127.0.0.1 から来るので、接続元ごとの上限はほかの画面の試験では外しておく。
        // 上限と人の確認の試験は、既定の値を settings で渡す (AbuseTest)
        builder.UseSetting("MyPage:RateLimits:FormPostsPerMinute", "100000");
        builder.UseSetting("MyPage:RateLimits:ClientLoginFailures", "100000");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            Registrations = [.. services];
            services.AddSingleton<TimeProvider>(Time);
            // ログはテストが読む記録にだけ（コンソールへ書くのは遅く、テストの出力では読まれない）
            services.RemoveAll<ILoggerProvider>();
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton(hashes);
            services.RemoveAll<IPasswordHasher<Seeker>>();
            services.AddSingleton<IPasswordHasher<Seeker>, CountingPasswordHasher>();
            moreServices?.Invoke(services);
        });
    }

    // このテストの接続元のアドレス (TestClient) を X-Forwarded-For で送る（テスト自身が送るときはそれを使う）
    public HttpClient CreateHttpClient(CookieContainer? cookies = null) => new(new TestClient.Handler(new HttpClientHandler
    {
        CookieContainer = cookies ?? new CookieContainer(),
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    }))
    { BaseAddress = BaseUrl };

    internal async Task<Seeker> CreateSeekerAsync(string email, string password, string? seekerNumber = null, string? office = "飯田橋公共職業安定所")
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Seeker>>();
        var seeker = new Seeker { UserName = email, Email = email, EmailConfirmed = true, SeekerNumber = seekerNumber, OfficeName = office };
        var result = await users.CreateAsync(seeker, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return seeker;
    }

    // Chromium (Debian) が名乗る User-Agent（ブラウザを使わずに作るログインの記録も、同じ「Chrome（Linux）」になる）
    public const string ChromiumUserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

    // ID・パスワードでログインしたのと同じセッションを、サイトのログインの手順 (LoginPipeline) で作り、
    // ブラウザに渡す Cookie（セッションと、このブラウザの印）を返す。ログインを試さないブラウザのテストのため
    public Task<IReadOnlyList<(string Name, string Value)>> SignInCookiesAsync(string email) => SignInCookiesAsync(email, MyPage.Login.LoginMethod.Password);

    // method: ログインの方法（マイナポータルからのログインと同じセッション: ID(メールアドレス)の変更の試験）
    internal async Task<IReadOnlyList<(string Name, string Value)>> SignInCookiesAsync(string email, MyPage.Login.LoginMethod method)
    {
        await using var scope = Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Scheme = "https";
        http.Request.Host = new HostString(BaseUrl.Authority);
        http.Request.Headers.UserAgent = ChromiumUserAgent;
        http.Connection.RemoteIpAddress = IPAddress.Parse(TestClient.Address ?? "127.0.0.1");
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<Seeker>>();
        signIn.Context = http;
        var seeker = await signIn.UserManager.FindByNameAsync(email) ?? throw new InvalidOperationException($"{email} の求職者がいません");
        await scope.ServiceProvider.GetRequiredService<MyPage.Login.LoginPipeline>().FinishAsync(http, seeker, method);
        return http.Response.Headers.SetCookie
            .Select(header => header!.Split(';')[0].Split('=', 2))
            .Select(pair => (pair[0], pair[1]))
            .ToList();
    }

    // ID や接続元のアドレスの、このサイトの鍵でのタグ（データベースに残るのはこれだけ）
    public string IdTag(string value) => Services.GetRequiredService<MyPage.Security.IdTags>().Of(value);

    // 接続元のアドレスの、数える表のタグ（ClientThrottles、申込みの ClientTag）と、ログに書くタグ (client=)
    public string ClientCountingTag(string address) => Services.GetRequiredService<RequestOrigins>().CountingTagOf(RequestOrigins.KeyOf(IPAddress.Parse(address)));
    public string ClientLogTag(string address) => Services.GetRequiredService<RequestOrigins>().Of(IPAddress.Parse(address)).LogTag;

    internal async Task<T> WithDbAsync<T>(Func<MyPageDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MyPageDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        await Browser.ForgetAsync(this);
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (keepDatabase) return;
        if (ownsPostgres) await Postgres!.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(DatabasePath + suffix);
    }
}
