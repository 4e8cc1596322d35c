using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Account;
using MyPage.Data;
using MyPage.Login;
using MyPage.Sessions;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Login;

// ログインを済ませるただ一つの手順 (LoginPipeline) を、方法の表 (LoginMethods) の行ごとに
public class LoginPipelineTests(SiteFixture site) : SeekerTest(site), IClassFixture<SiteFixture>
{
    // 方法ごとに、表が言うとおりのことをする: 監査ログのイベント ID、失敗の回数
    // 方法は名前で渡す（LoginMethod は internal、テストの引数は public の型だけ）
    public static TheoryData<string, int, bool> Rows => new()
    {
        { nameof(LoginMethod.Password), 1001, true },
        { nameof(LoginMethod.PasswordAndCode), 1001, true },
        { nameof(LoginMethod.Mynaportal), 1204, false },
    };

    [Fact]
    public void Has_one_row_per_method_with_its_own_code_and_name()
    {
        Assert.Equal(Enum.GetValues<LoginMethod>().Order(), LoginMethods.Table.Select(r => r.Method).Order());
        Assert.Equal(LoginMethods.Table.Count, LoginMethods.Table.Select(r => r.Code).Distinct().Count());
        Assert.Equal(LoginMethods.Table.Count, LoginMethods.Table.Select(r => r.Name).Distinct().Count());
        Assert.All(LoginMethods.Table, r => Assert.InRange(r.Code.Length, 1, 20)); // LoginRecords.Method の長さ
        // コードの段階を含むのは、パスワード＋ワンタイムパスワードだけ
        Assert.Equal([LoginMethod.PasswordAndCode], LoginMethods.Table.Where(r => r.NeedsOneTimePassword).Select(r => r.Method));
        // 古い履歴の行（知らない Code）も読める
        Assert.Equal("パスワード", LoginMethods.NameOf("something-old"));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Finishes_a_login_as_its_row_says(string methodName, int auditEvent, bool clearsLockCount)
    {
        var method = Enum.Parse<LoginMethod>(methodName);
        var row = LoginMethods.Row(method);
        // 失敗が二回ある
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var throttle = scope.ServiceProvider.GetRequiredService<LoginThrottleStore>();
            await throttle.ReserveAsync(Email, app.Time.GetUtcNow());
            await throttle.ReserveAsync(Email, app.Time.GetUtcNow());
        }
        var events = app.Logs.Events.Count;

        var cookies = await FinishAsync(method);

        Assert.Contains(cookies, c => c.Name == "__Host-mypage-session");
        var throttleRows = await app.WithDbAsync(db => db.LoginThrottles.CountAsync(t => t.IdTag == app.IdTag(Email)));
        Assert.Equal(clearsLockCount ? 0 : 1, throttleRows);
        Assert.Equal(row.Code, await app.WithDbAsync(db => db.LoginRecords.Where(r => r.SeekerId == SeekerId).Select(r => r.Method).SingleAsync()));
        Assert.Single(app.Logs.Events.Skip(events), e => e.EventId == auditEvent && e.Line.Contains(SeekerId, StringComparison.Ordinal));
        // 初めてのブラウザ: 「ログインのお知らせ」に方法の言葉
        var notice = await app.Smtp.WaitForAsync(Email, LoginMails.NewBrowserSubject);
        Assert.Contains($"ログインの方法：{row.Name}", notice.TextBody, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<(string Name, string Value)>> FinishAsync(LoginMethod method)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Scheme = "https";
        http.Request.Host = new HostString(app.BaseUrl.Authority);
        http.Connection.RemoteIpAddress = IPAddress.Parse(ClientAddress);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<Seeker>>();
        signIn.Context = http;
        var seeker = await signIn.UserManager.FindByIdAsync(SeekerId);
        await scope.ServiceProvider.GetRequiredService<LoginPipeline>().FinishAsync(http, seeker!, method);
        return http.Response.Headers.SetCookie.Select(h => h!.Split(';')[0].Split('=', 2)).Select(p => (p[0], p[1])).ToList();
    }
}
