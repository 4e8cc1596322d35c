using MyPage.Registration;
using MyPage.Tests.Infrastructure;
using MyPage.Tests.Pages.Register;

namespace MyPage.Tests.Registration;

// mypage_registrations_total{stage}: 仮登録の申込みと、本登録で開いた口座
public class RegistrationMetricsTests
{
    [Fact]
    public async Task A_provisional_request_and_its_completion_are_counted()
    {
        await using var app = new MyPageApp(metrics: true);
        const string email = "metrics@example.jp";
        using var client = app.CreateHttpClient();

        await Forms.PostAsync(client, "/Register", new() { ["Input.Email"] = email, ["Input.AgreeTerms"] = "true", ["Input.AgreePrivacy"] = "true" });
        Assert.Equal(1, (await app.ScrapeAsync()).Value("mypage_registrations_total", "stage=requested"));
        Assert.Equal(0, (await app.ScrapeAsync()).Value("mypage_registrations_total", "stage=completed"));

        var url = new Uri(Mails.RegisterUrl(await app.Smtp.WaitForAsync(email, RegistrationMails.ProvisionalSubject))).PathAndQuery;
        await Forms.PostAsync(client, url, new Dictionary<string, string>(RegisterTests.Details()) { ["Token"] = Mails.RegisterToken(url) });

        Assert.Equal(1, (await app.ScrapeAsync()).Value("mypage_registrations_total", "stage=completed"));
    }
}
