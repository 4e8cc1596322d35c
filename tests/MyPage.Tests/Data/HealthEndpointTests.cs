using System.Net;
using MyPage.Data;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Data;

// ロードバランサーの窓口: ログインなしで答え、「Healthy」「Unhealthy」のほかは何も見せない
[Trait("Category", "PostgreSQL")]
public class HealthEndpointTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.PostgreSql)]
    public async Task Can_answer_live_and_ready_without_login_and_reveal_nothing_else(Store store)
    {
        await using var app = new MyPageApp(store: store);
        using var client = app.CreateHttpClient();
        foreach (var path in new[] { HealthEndpoints.Live, HealthEndpoints.Ready })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.PostgreSql)]
    public async Task Cannot_be_ready_before_the_migrations_but_is_still_live(Store store)
    {
        await using var app = new MyPageApp(store: store, settings: new Dictionary<string, string?> { ["MyPage:Database:MigrateOnStartup"] = "false" }, migrated: false);
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpoints.Live)).StatusCode);
        var ready = await client.GetAsync(HealthEndpoints.Ready);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cannot_be_ready_when_the_database_has_gone()
    {
        var postgres = await PostgresDatabase.CreateAsync();
        await using var app = new MyPageApp(postgres: postgres);
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpoints.Ready)).StatusCode);
        await postgres.DisposeAsync(); // データベースを消す（接続も切る）
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(HealthEndpoints.Ready)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpoints.Live)).StatusCode);
    }

    [Fact]
    public async Task Can_be_probed_over_plain_http_outside_development()
    {
        await using var app = new MyPageApp(https: false, environment: "Production");
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpoints.Ready)).StatusCode);
        // ほかの画面は平文では断る（HTTPS が必要）
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    // ロードバランサーやオーケストレーターは、インスタンスの IP アドレスを Host にして確かめる。窓口はどの Host にも答え、
    // ほかの画面は公開の URL の名前の Host にだけ答える（ほかは 400）
    [Fact]
    public async Task Can_be_probed_by_the_instance_address_while_pages_answer_only_the_public_host()
    {
        await using var app = new MyPageApp(settings: new Dictionary<string, string?> { ["MyPage:PublicUrl"] = "https://mypage.example.jp/" });
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Host = "10.0.3.7:8080";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpoints.Live)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpoints.Ready)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Account/Login")).StatusCode);
        client.DefaultRequestHeaders.Host = "MyPage.Example.JP";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }
}
