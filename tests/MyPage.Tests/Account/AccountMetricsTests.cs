using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Account;

// mypage_lockouts_total と、パスワードのハッシュの時間 (histogram) と計算中の数
public class AccountMetricsTests
{
    [Fact]
    public async Task Five_wrong_passwords_start_one_lockout_and_each_hash_is_timed()
    {
        await using var app = new MyPageApp(metrics: true);
        await app.CreateSeekerAsync("metrics@example.jp", "Right-pass-1");
        using var client = app.CreateHttpClient();

        for (var i = 0; i < 6; i++) await Forms.LoginAsync(client, "metrics@example.jp", "Wrong-pass-1");

        var scrape = await app.ScrapeAsync();
        Assert.Equal(1, scrape.Value("mypage_lockouts_total"));
        // 照合は5回（6回目はロック中で照合しない）。作ったときのハッシュはテストの道具が計算する
        Assert.Equal(5, scrape.Value("mypage_password_hash_duration_seconds_count"));
        Assert.True(scrape.Value("mypage_password_hash_duration_seconds_sum") > 0);
        Assert.Equal(0, scrape.Value("mypage_password_hash_active"));
    }
}
