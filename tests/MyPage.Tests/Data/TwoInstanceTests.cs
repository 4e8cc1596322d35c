using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Data;
using MyPage.Mail;
using MyPage.Pages.Account;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Data;

// 一つの PostgreSQL に二つの本物のインスタンス（ループバックの Kestrel）。どちらに来ても同じに動く
[Trait("Category", "PostgreSQL")]
public class TwoInstanceTests : SharedPostgresTest
{
    private const string Email = "seeker@example.jp";
    private const string Password = "Right-pass-1";

    [Fact]
    public async Task Can_start_both_at_once_and_only_one_migrates()
    {
        // 二つを同時に、空のデータベースで起動する: 一つがマイグレーションし、もう一つは待って、済んだものを見る
        await using var empty = await PostgresDatabase.CreateAsync(migrated: false);
        var postgres = empty;
        var sites = await Task.WhenAll(Task.Run(() => new MyPageApp(postgres: postgres)), Task.Run(() => new MyPageApp(postgres: postgres)));
        await using var a = sites[0];
        await using var b = sites[1];
        foreach (var site in sites)
        {
            Assert.Empty(await site.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
            using var client = site.CreateHttpClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpoints.Ready)).StatusCode);
        }
        var applied = await a.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(await a.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().Count())), applied.Count());
    }

    [Fact]
    public async Task Can_start_a_session_and_a_form_on_one_instance_and_go_on_on_the_other()
    {
        await using var a = new MyPageApp(postgres: postgres);
        await using var b = new MyPageApp(postgres: postgres);
        await a.CreateSeekerAsync(Email, Password);

        // Cookie はポートを見ないので、同じ CookieContainer が A と B の両方に送る（ロードバランサーの後ろと同じ）
        var cookies = new CookieContainer();
        using var toA = a.CreateHttpClient(cookies);
        using var toB = b.CreateHttpClient(cookies);

        // A で開いたログインの画面の CSRF トークンで、B にログインする
        var token = Forms.Token(await toA.GetStringAsync("/Account/Login"));
        using var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Id"] = Email, ["Input.Password"] = Password, ["__RequestVerificationToken"] = token }),
        };
        var loggedIn = await toB.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);

        // B で始めたセッションで A のホームを開き、A の画面のトークンで B からログアウトする
        var home = await toA.GetAsync("/Home");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var logoutToken = Forms.Token(await home.Content.ReadAsStringAsync());
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = logoutToken }),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await toB.SendAsync(logout)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await toA.GetAsync("/Home")).StatusCode); // ログアウトは A にも効く
    }

    [Fact]
    public async Task Cannot_verify_more_than_five_of_fifty_wrong_passwords_split_between_instances()
    {
        await using var a = new MyPageApp(postgres: postgres);
        await using var b = new MyPageApp(postgres: postgres);
        await a.CreateSeekerAsync(Email, Password);
        var sites = new[] { a, b };

        var pages = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var client = sites[i % 2].CreateHttpClient();
            var response = await Forms.LoginAsync(client, Email, $"Wrong-pass-{i}");
            var html = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, Html: Html.ErrorSummary(html) + Html.Lockout(html));
        }));

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        Assert.InRange(a.PasswordVerifications + b.PasswordVerifications, 1, 5);
        Assert.Equal(4, pages.Count(p => p.Html.Contains(LoginTexts.Failed)));
        Assert.Equal(46, pages.Count(p => p.Html.Contains(LoginTexts.Lockout)));
        Assert.Single(a.Logs.Lines.Concat(b.Logs.Lines), l => l.StartsWith("アカウントロック", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Can_run_housekeeping_on_both_instances_at_once_without_clashing()
    {
        await using var a = new MyPageApp(postgres: postgres);
        await using var b = new MyPageApp(postgres: postgres);
        await a.CreateSeekerAsync(Email, Password);
        for (var i = 0; i < 10; i++)
        {
            using var client = (i % 2 == 0 ? a : b).CreateHttpClient();
            await Forms.LoginAsync(client, Email, Password);
        }
        Assert.Equal(10, await a.WithDbAsync(db => db.Sessions.CountAsync()));

        // 二つの時計をともにアイドル時間の先へ。二つの後片付けが同時に走っても、消すのは合わせて 10 件、失敗はない
        a.Time.Advance(MyPage.Sessions.SessionPolicy.DefaultIdleTimeout);
        b.Time.Advance(MyPage.Sessions.SessionPolicy.DefaultIdleTimeout);
        var runs = await Task.WhenAll(new[] { a, b, a, b }.Select(s => Task.Run(() => s.Services.GetRequiredService<MyPage.Housekeeping.Housekeeper>().RunOnceAsync())));
        Assert.Equal(10, runs.Sum(r => r.Sessions));
        Assert.Equal(0, await a.WithDbAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task Can_wake_every_instance_s_sender_when_any_instance_queues_a_mail()
    {
        // 見回りの時計 (FakeTimeProvider) は進めない: 起こすのは NOTIFY だけ
        await using var a = new MyPageApp(postgres: postgres);
        await using var b = new MyPageApp(postgres: postgres);
        await QueueAsync(6);
        await Eventually.ValueAsync(() => a.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt != null)), sent => sent == 6,
            "二つの送信者が、見回りを待たずに送る", TimeSpan.FromSeconds(10));
        Assert.Equal(6, a.Smtp.Messages.Count + b.Smtp.Messages.Count);
    }

    [Fact]
    public async Task Can_deliver_every_mail_exactly_once_with_two_senders()
    {
        await using var a = new MyPageApp(postgres: postgres);
        await using var b = new MyPageApp(postgres: postgres);
        const int count = 40;
        await QueueAsync(count);

        // 二つの送信者が同時に何度も見回る（それぞれの見回りの仕組みも、NOTIFY で起きて動いている）
        var senders = new[] { a, b }.Select(s => s.Services.GetRequiredService<OutboxSender>()).ToArray();
        for (var round = 0; round < 5; round++)
            await Task.WhenAll(senders.SelectMany(s => Enumerable.Range(0, 3).Select(_ => Task.Run(() => s.DeliverDueAsync()))));
        // 見回りの仕組みが送っている途中のものを待つ（送り終えて記録するまで）
        await Eventually.ValueAsync(() => a.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt != null)), sent => sent == count, "すべて送り終える");

        var delivered = a.Smtp.Messages.Concat(b.Smtp.Messages).Select(m => m.MessageId).ToList();
        Assert.Equal(count, delivered.Count);
        Assert.Equal(count, delivered.Distinct().Count());
        Assert.True(a.Smtp.Messages.Count > 0 && b.Smtp.Messages.Count > 0, $"A {a.Smtp.Messages.Count} 通、B {b.Smtp.Messages.Count} 通");
        Assert.Equal(count, await a.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt != null)));
    }
}

// 別のプロセスのインスタンスを殺す (SIGKILL)、止める (SIGTERM)。見回りを待つので、ほかのクラスと並べて走らせる
[Trait("Category", "PostgreSQL")]
[Trait("Category", "Processes")]
public class InstanceProcessTests : SharedPostgresTest
{
    [Fact]
    public async Task Can_deliver_a_mail_claimed_by_an_instance_killed_mid_send_after_the_lease_and_only_once()
    {
        // A: 別のプロセス。その SMTP サーバーはメールを受け取ったまま答えない（送信の途中）
        await using var smtpOfA = new TestSmtpServer();
        smtpOfA.Start();
        smtpOfA.HoldNext(1);
        await using (var migrate = new MyPageApp(postgres: postgres)) { } // スキーマを先に作る（A も B も起動時に確かめる）
        await using var a = new RunningSite(SiteSettings(smtpOfA));
        await a.WaitUntilReadyAsync();

        // 送信待ちのメールを一通入れる。A の送信者が見回り（15 秒ごと）で確保し、送り始める
        await QueueAsync(1);
        await Eventually.TrueAsync(() => smtpOfA.Holding == 1, "A が送り始める", TimeSpan.FromSeconds(60));
        var claimed = await ReadOutboxAsync();
        Assert.NotNull(claimed.ClaimedUntil);
        Assert.Null(claimed.SentAt);

        // SIGKILL: A は送り終えたことを記録できない
        a.Kill();

        // B: リースが切れるまでは手を出さず、切れたら一度だけ送る
        await using var b = new MyPageApp(postgres: postgres);
        b.Time.SetUtcNow(DateTimeOffset.UtcNow);
        var sender = b.Services.GetRequiredService<OutboxSender>();
        Assert.Equal(0, await sender.DeliverDueAsync());
        b.Time.Advance(OutboxSender.ClaimFor + TimeSpan.FromSeconds(1));
        await sender.DeliverDueAsync(); // B の見回りが先に送っていれば 0
        await Eventually.TrueAsync(() => b.Smtp.Messages.Count == 1, "B が送る", TimeSpan.FromSeconds(20));
        b.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await sender.DeliverDueAsync());
        Assert.Single(b.Smtp.Messages);
        Assert.Empty(smtpOfA.Messages);
        Assert.NotNull((await ReadOutboxAsync()).SentAt);
    }

    [Fact]
    public async Task Can_finish_the_mail_being_sent_and_claim_no_more_on_sigterm()
    {
        await using var smtp = new TestSmtpServer();
        smtp.Start();
        smtp.SlowDown(TimeSpan.FromSeconds(3));
        await using (new MyPageApp(postgres: postgres)) { } // スキーマを先に作る
        await using var a = new RunningSite(SiteSettings(smtp));
        await a.WaitUntilReadyAsync();
        await QueueAsync(2);
        await Eventually.TrueAsync(() => smtp.Holding == 1, "一通目を送り始める", TimeSpan.FromSeconds(60));

        Assert.Equal(0, await a.TerminateAsync());

        // 送っていた一通は送り終えて記録し、二通目は確保していない（ほかのインスタンスがすぐ送れる）
        Assert.Single(smtp.Messages);
        await using var db = OpenDb();
        var rows = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.NotNull(rows[0].SentAt);
        Assert.Null(rows[1].SentAt);
        Assert.Null(rows[1].ClaimedUntil);
    }

    [Fact]
    public async Task Can_finish_a_request_in_flight_on_sigterm()
    {
        await using var smtp = new TestSmtpServer();
        await using (new MyPageApp(postgres: postgres)) { } // スキーマを先に作る
        await using var a = new RunningSite(SiteSettings(smtp));
        await a.WaitUntilReadyAsync();

        // フォームの本文を半分まで送ったところで SIGTERM。残りを送ると、答え（画面）が返り、それからプロセスが終わる
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, a.Port);
        var stream = tcp.GetStream();
        var body = "Input.Id=seeker%40example.jp&Input.Password=Right-pass-1";
        var head = $"POST /Account/Login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head + body[..10]));
        await stream.FlushAsync();
        await Task.Delay(500);
        var exit = a.TerminateAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(1000);
        Assert.False(exit.IsCompleted, "要求の途中でプロセスが終わりました");
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(body[10..]));
        using var reader = new StreamReader(stream);
        var status = await reader.ReadLineAsync();
        Assert.StartsWith("HTTP/1.1 ", status); // CSRF トークンのない送信なので 400 の画面。切られてはいない
        Assert.Equal(0, await exit);
    }
}

// テストごとの PostgreSQL データベースと、送信待ちの表を直に読み書きする道具
public abstract class SharedPostgresTest : IAsyncLifetime
{
    protected PostgresDatabase postgres = null!;

    public async Task InitializeAsync() => postgres = await PostgresDatabase.CreateAsync();
    public async Task DisposeAsync() => await postgres.DisposeAsync();

    protected Dictionary<string, string> SiteSettings(TestSmtpServer smtp) => new()
    {
        ["MyPage__Database__Provider"] = "PostgreSQL",
        ["ConnectionStrings__MyPage"] = postgres.ConnectionString,
        ["MyPage__Mail__Transport"] = "Smtp",
        ["MyPage__Mail__Smtp__Host"] = "127.0.0.1",
        ["MyPage__Mail__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["MyPage__Mail__Smtp__UseTls"] = "false",
    };

    private protected async Task<OutboxMessage> ReadOutboxAsync()
    {
        await using var db = OpenDb();
        return await db.OutboxMessages.AsNoTracking().SingleAsync();
    }

    private protected PostgreSqlDb OpenDb() => new(new DbContextOptionsBuilder<PostgreSqlDb>().UseNpgsql(postgres.ConnectionString).Options);

    // 送信待ちの表に直に入れる（どの画面のメールでも、送り方は同じ）
    protected async Task QueueAsync(int count)
    {
        await using var db = OpenDb();
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        for (var i = 0; i < count; i++)
            db.OutboxMessages.Add(new OutboxMessage
            {
                MessageId = $"<{Guid.NewGuid():N}@mypage.test>",
                To = $"seeker{i}@example.jp",
                Subject = "お知らせ",
                Body = "本文",
                CreatedAt = now,
                NextAttemptAt = now,
            });
        await db.SaveChangesAsync();
    }
}
