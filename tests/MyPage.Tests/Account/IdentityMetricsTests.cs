using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Data;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Account;

// .NET 10 の UserManager は、作るたびに自分の測定 (UserManagerMetrics) を作り、Meter の計器をプロセスに一つの錠の下で探す。
// 要求ごとに作ると、画面を開くだけの要求の CPU が増え、同時の要求がその錠で待つ（issue 26 の測定で、S1 の時間の約15%）。
// だから、使わない要求では作らない: ログインの画面 (S1) を開くとき、ログインしている人がホームを開くとき
public class IdentityMetricsTests
{
    [Fact]
    public async Task Opening_s1_or_home_makes_no_UserManager()
    {
        var made = 0;
        await using var app = new MyPageApp(services: services =>
        {
            var original = services.Single(d => d.ServiceType == typeof(UserManager<Seeker>));
            services.Remove(original);
            services.AddScoped(sp =>
            {
                Interlocked.Increment(ref made);
                return (UserManager<Seeker>)ActivatorUtilities.CreateInstance(sp, original.ImplementationType ?? typeof(UserManager<Seeker>));
            });
        });
        await app.CreateSeekerAsync("metrics@example.jp", "Right-pass-1");
        using var client = app.CreateHttpClient();

        var before = made;
        for (var i = 0; i < 3; i++) await client.GetStringAsync("/Account/Login");
        Assert.Equal(before, made);

        await Forms.LoginAsync(client, "metrics@example.jp", "Right-pass-1");
        Assert.True(made > before, "ログインの送信は UserManager を使う（数え方の確かめ）");
        before = made;
        for (var i = 0; i < 3; i++) Assert.Contains("求職者マイページホーム", await client.GetStringAsync("/Home"));
        Assert.Equal(before, made);
    }
}
