using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Data;
using MyPage.Sessions;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Data;

public class HousekeepingTests : IAsyncLifetime
{
    private readonly MyPageApp app = new();

    public async Task InitializeAsync() => await app.CreateSeekerAsync("seeker@example.jp", "Right-pass-1");
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Can_remove_sessions_idle_past_their_expiry()
    {
        using (var client = app.CreateHttpClient()) await Forms.LoginAsync(client, "seeker@example.jp", "Right-pass-1");
        var housekeeping = app.Services.GetRequiredService<Housekeeping>();
        Assert.Equal(0, (await housekeeping.RunOnceAsync()).Sessions);

        app.Time.Advance(SessionPolicy.IdleTimeout);
        Assert.Equal(1, (await housekeeping.RunOnceAsync()).Sessions);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Sessions.Count())));
    }

    [Fact]
    public async Task Cannot_use_a_session_after_the_idle_timeout()
    {
        var cookies = new CookieContainer();
        using var client = app.CreateHttpClient(cookies);
        await Forms.LoginAsync(client, "seeker@example.jp", "Right-pass-1");
        app.Time.Advance(SessionPolicy.IdleTimeout - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Home")).StatusCode);
        app.Time.Advance(SessionPolicy.IdleTimeout);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Home")).StatusCode);
    }
}
