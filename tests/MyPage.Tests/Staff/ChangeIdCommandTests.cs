using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Data;
using MyPage.IdChange;
using MyPage.Staff;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Staff;

// 窓口での ID(メールアドレス)の変更 (staff change-id)。本物のデータベースで、SQLite と PostgreSQL の両方
public class ChangeIdCommandOnSqliteTests(SiteFixture site) : ChangeIdCommandTests(site), IClassFixture<SiteFixture>;

[Trait("Category", "PostgreSQL")]
public class ChangeIdCommandOnPostgreSqlTests(ChangeIdCommandOnPostgreSqlTests.Site site) : ChangeIdCommandTests(site), IClassFixture<ChangeIdCommandOnPostgreSqlTests.Site>
{
    public sealed class Site() : SiteFixture(null, Store.PostgreSql);
}

public abstract class ChangeIdCommandTests(SiteFixture site) : SeekerTest(site)
{
    private string NewEmail => "counter-" + Email;

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StaffCommand.RunAsync(args, app.Services, TextReader.Null, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private Task<string?> IdAsync() => app.WithDbAsync(db => db.Users.Where(u => u.Id == SeekerId).Select(u => u.Email).SingleAsync());

    [Fact]
    public async Task Can_change_an_id_at_the_counter_ending_every_session_and_mailing_both_addresses()
    {
        using var device = app.CreateHttpClient();
        await Forms.LoginAsync(device, Email, Password);
        // 窓口に来る前に始めていた変更と再登録の認証キーも、使えなくなる
        await Forms.PostAsync(device, "/Settings/ChangeId", new() { ["Input.NewId"] = "pending-" + Email, ["Input.ConfirmId"] = "pending-" + Email, ["Input.Password"] = Password });

        var (code, output, error) = await RunAsync("change-id", "--email", Email.ToUpperInvariant(), "--new-email", " " + NewEmail + " ");
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains($"ID(メールアドレス)を変更しました: {Email} → {NewEmail}", output);
        Assert.Contains("ログイン中のセッション 1 件を終了し", output);
        Assert.Equal(NewEmail, await IdAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.IdChangeRequests.CountAsync(r => r.SeekerId == SeekerId && r.UsedAt == null && r.VoidedAt == null)));

        foreach (var to in new[] { Email, NewEmail })
            Assert.Contains("操作：ハローワークの窓口（職員による変更）", (await app.Smtp.WaitForAsync(to, IdChangeMails.ChangedSubject)).TextBody);
        Assert.Contains(LogLines, l => l.StartsWith("ID(メールアドレス)の変更 ", StringComparison.Ordinal) && l.Contains("by=staff", StringComparison.Ordinal));

        var ended = await device.GetAsync("/Home");
        Assert.Equal("/Account/Login?returnUrl=%2FHome&status=id-changed", ended.Headers.Location!.PathAndQuery);
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(client, NewEmail, Password)).StatusCode);
        using var old = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await Forms.LoginAsync(old, Email, Password)).StatusCode);
    }

    [Fact]
    public async Task Cannot_change_an_id_at_the_counter_to_an_address_someone_uses()
    {
        await app.CreateSeekerAsync(NewEmail, Password);
        var (code, _, error) = await RunAsync("change-id", "--email", Email, "--new-email", NewEmail.ToUpperInvariant());
        Assert.Equal(1, code);
        Assert.Contains("ほかの求職者がすでに使っています", error);
        Assert.Equal(Email, await IdAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject == IdChangeMails.ChangedSubject && (m.To == Email || m.To == NewEmail))));
    }

    [Theory]
    [InlineData(1, "--email", "nobody-here@example.jp", "--new-email", "fresh@example.jp")]
    [InlineData(2, "--email", "SELF", "--new-email", "SELF")]
    [InlineData(2, "--email", "SELF", "--new-email", "not-an-address")]
    [InlineData(2, "--email", "SELF")]
    [InlineData(2, "--email", "SELF", "--new-email", "fresh@example.jp", "--password-stdin")]
    public async Task Cannot_change_an_id_at_the_counter_from_bad_arguments(int expected, params string[] args)
    {
        var (code, _, error) = await RunAsync(["change-id", .. args.Select(a => a == "SELF" ? Email : a)]);
        Assert.Equal(expected, code);
        Assert.NotEmpty(error);
        Assert.Equal(Email, await IdAsync());
    }

    // 読んだあとに ID が変わっていたら（同じときの二つの変更）、前の ID から変えるのは一つだけ: 後のものは何も変えず、通知も送らない
    [Fact]
    public async Task Cannot_change_an_id_that_changed_since_it_was_read()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var stale = await scope.ServiceProvider.GetRequiredService<UserManager<Seeker>>().FindByNameAsync(Email);
        Assert.Equal(0, (await RunAsync("change-id", "--email", Email, "--new-email", NewEmail)).Code);

        var result = await scope.ServiceProvider.GetRequiredService<IdChanges>().ChangeAtCounterAsync(stale!, "later-" + Email);
        Assert.Equal(IdChangeOutcome.Void, result.Outcome);
        Assert.Equal(NewEmail, await IdAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == "later-" + Email)));
        Assert.Single(LogLines, l => l.StartsWith("ID(メールアドレス)の変更 ", StringComparison.Ordinal));
    }
}
