using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Data;
using MyPage.OneTimePassword;
using MyPage.PasswordReset;
using MyPage.Revocation;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Revocation;

// 資格情報が開いたものを一度に終える、ただ一つの操作 (CredentialRevocation)。SQLite と PostgreSQL の両方で同じ試験
public class RevocationOnSqliteTests(RevocationOnSqliteTests.Site site) : RevocationTests(site), IClassFixture<RevocationOnSqliteTests.Site>
{
    public sealed class Site() : SiteFixture(OneTimePassword.OneTimePasswordSite.Settings());
}

[Trait("Category", "PostgreSQL")]
public class RevocationOnPostgreSqlTests(RevocationOnPostgreSqlTests.Site site) : RevocationTests(site), IClassFixture<RevocationOnPostgreSqlTests.Site>
{
    public sealed class Site() : SiteFixture(OneTimePassword.OneTimePasswordSite.Settings(), Store.PostgreSql);
}

public abstract class RevocationTests(SiteFixture site) : SeekerTest(site)
{
    // 終えなければならないもの（資格情報が開いたもの）。新しい種類の Grant を足したら、ここと下の数え方に足す
    // （足さなければ Lists_every_kind_of_grant_and_one_revoker_for_each が落ちる）
    private static readonly Grant[] MustEnd =
        [Grant.Sessions, Grant.WaitingLogins, Grant.TrustedBrowsers, Grant.KnownBrowsers, Grant.ResetKeys, Grant.MynaportalSignInsAwaitingLink, Grant.IdChangeKeys, Grant.Passkeys];

    // 求職者の行を持つ表: 資格情報が開いたもの（終える）と、本人のデータ（残す）。新しい表はどちらかに入れる
    private static readonly string[] GrantTables = ["Sessions", "PendingLogins", "SeekerBrowsers", "PasswordResetRequests", "PendingMynaportalSignIns", "IdChangeRequests", "AspNetUserPasskeys"];
    private static readonly string[] KeptTables = ["LoginRecords", "MynaportalLinks", "JobRequests", "JobApplications", "SavedSearches", "Messages", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens"];

    [Fact]
    public async Task Lists_every_kind_of_grant_and_one_revoker_for_each()
    {
        Assert.Equal(Enum.GetValues<Grant>().Order(), MustEnd.Order());
        await using var scope = app.Services.CreateAsyncScope();
        var revokers = scope.ServiceProvider.GetServices<IGrantRevoker>().Select(r => r.Grant).ToList();
        Assert.Equal(MustEnd.Order(), revokers.Order());
    }

    [Fact]
    public async Task Knows_every_table_that_holds_something_of_a_seeker()
    {
        var tables = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(e => e.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(Seeker)))
            .Select(e => e.GetTableName()!).ToList()));
        Assert.All(tables, table => Assert.True(GrantTables.Contains(table) || KeptTables.Contains(table),
            $"{table} は求職者の行を持ちます。資格情報が開いたもの (Grant) か、本人のデータかを決めて、RevocationTests に書いてください。"));
    }

    [Fact]
    public async Task Signing_out_other_devices_ends_every_grant_but_this_session_and_this_browser()
    {
        var (mine, _, device) = await GrantEverythingAsync(Email, SeekerId);
        var other = await OtherSeekerWithGrantsAsync();
        var before = await ActiveAsync(other.Id);

        var response = await Forms.PostAsync(mine, "/Settings/Security?handler=SignOutOthers", new() { ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await ActiveAsync(SeekerId);
        Assert.Equal(1, after[Grant.Sessions]);          // このセッション
        Assert.Equal(1, after[Grant.KnownBrowsers]);     // このブラウザ
        Assert.Equal(0, after[Grant.TrustedBrowsers]);
        Assert.Equal(0, after[Grant.WaitingLogins]);
        Assert.Equal(0, after[Grant.ResetKeys]);
        Assert.Equal(0, after[Grant.MynaportalSignInsAwaitingLink]);
        Assert.Equal(0, after[Grant.IdChangeKeys]);
        Assert.Equal(1, after[Grant.Passkeys]);          // パスキーは、退会のときだけ消える
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync("/Home")).StatusCode);
        // ほかの人のものには触れない
        Assert.Equal(before, await ActiveAsync(other.Id));
        await AssertToldWhyAsync(device, "signed-out-elsewhere", MyPage.Pages.Account.LoginTexts.SignedOutElsewhere);
    }

    // 終えられた端末は、時間切れではなく本当の理由を聞く: 画面を開いても、画面の中の確かめ (htmx) でも。何度来ても同じ
    private static async Task AssertToldWhyAsync(HttpClient device, string status, string text)
    {
        using (var check = new HttpRequestMessage(HttpMethod.Get, "/Session/Warning"))
        {
            check.Headers.Add("HX-Request", "true");
            check.Headers.Add("HX-Current-URL", device.BaseAddress + "Home");
            var fragment = await device.SendAsync(check);
            Assert.Equal(HttpStatusCode.Unauthorized, fragment.StatusCode);
            Assert.Equal($"/Account/Login?returnUrl=%2FHome&status={status}", fragment.Headers.GetValues("HX-Redirect").Single());
        }
        var page = await device.GetAsync("/Home");
        var login = new Uri(device.BaseAddress!, page.Headers.Location!);
        Assert.Equal($"/Account/Login?returnUrl=%2FHome&status={status}", login.PathAndQuery);
        var html = await device.GetStringAsync(login);
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.DoesNotContain(MyPage.Pages.Account.LoginTexts.SessionEnded, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_ends_every_grant_and_keeps_only_the_resetting_browser_known()
    {
        var (mine, mineCookies, device) = await GrantEverythingAsync(Email, SeekerId);
        var other = await OtherSeekerWithGrantsAsync();
        var before = await ActiveAsync(other.Id);

        // このブラウザ（前にログインした）で S2 → S3
        await Forms.PostAsync(mine, "/Account/ForgotPassword", new() { ["Input.Id"] = Email });
        var key = Mails.Key(await app.Smtp.WaitForAsync(Email, ResetMails.RequestSubject, 2));
        var done = await Forms.PostAsync(mine, "/Account/ResetPassword", new() { ["Input.NewPassword"] = "Newer-pass-9", ["Input.ConfirmPassword"] = "Newer-pass-9", ["Input.Key"] = key });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var after = await ActiveAsync(SeekerId);
        Assert.Equal(0, after[Grant.Sessions]);
        Assert.Equal(1, after[Grant.KnownBrowsers]);
        Assert.Equal(0, after[Grant.TrustedBrowsers]);
        Assert.Equal(0, after[Grant.WaitingLogins]);
        Assert.Equal(0, after[Grant.ResetKeys]);
        Assert.Equal(0, after[Grant.MynaportalSignInsAwaitingLink]);
        Assert.Equal(0, after[Grant.IdChangeKeys]);
        Assert.Equal(1, after[Grant.Passkeys]);          // 再登録でもパスキーは残る（完了のメールが一覧を知らせる）
        Assert.NotNull(mineCookies.GetCookies(app.BaseUrl)["__Host-mypage-browser"]);
        Assert.Equal(before, await ActiveAsync(other.Id));
        await AssertToldWhyAsync(device, "password-reset", MyPage.Pages.Account.LoginTexts.PasswordWasReset);
    }

    // ID(メールアドレス)の変更: このセッションとこのブラウザのほかは、すべて終わる。ほかの端末は、次に来たとき理由を聞く
    [Fact]
    public async Task An_id_change_ends_every_grant_but_this_session_and_this_browser()
    {
        var (mine, _, device) = await GrantEverythingAsync(Email, SeekerId);
        var other = await OtherSeekerWithGrantsAsync();
        var before = await ActiveAsync(other.Id);

        var newEmail = "changed-" + Email;
        await Forms.PostAsync(mine, "/Settings/ChangeId", new() { ["Input.NewId"] = newEmail, ["Input.ConfirmId"] = newEmail, ["Input.Password"] = Password });
        var key = Mails.Key(await app.Smtp.WaitForAsync(newEmail, MyPage.IdChange.IdChangeMails.ConfirmSubject));
        var done = await Forms.PostAsync(mine, "/Settings/ChangeIdKey", new() { ["Input.Key"] = key });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var after = await ActiveAsync(SeekerId);
        Assert.Equal(1, after[Grant.Sessions]);          // このセッション
        Assert.Equal(1, after[Grant.KnownBrowsers]);     // このブラウザ
        Assert.Equal(0, after[Grant.TrustedBrowsers]);
        Assert.Equal(0, after[Grant.WaitingLogins]);
        Assert.Equal(0, after[Grant.ResetKeys]);
        Assert.Equal(0, after[Grant.MynaportalSignInsAwaitingLink]);
        Assert.Equal(0, after[Grant.IdChangeKeys]);
        Assert.Equal(1, after[Grant.Passkeys]);          // パスキーは残る（本人の端末の鍵で、ID ではなく求職者に結ばれている）
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync("/Home")).StatusCode);
        Assert.Equal(before, await ActiveAsync(other.Id));
        await AssertToldWhyAsync(device, "id-changed", MyPage.Pages.Account.LoginTexts.IdWasChanged);
        Assert.Contains(LogLines, l => l.StartsWith("資格情報が開いたものを終えました", StringComparison.Ordinal) && l.Contains("reason=IdChanged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_operation_itself_ends_each_grant_in_the_callers_transaction_and_reports_the_counts()
    {
        await GrantEverythingAsync(Email, SeekerId);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MyPageDb>();
        var revocation = scope.ServiceProvider.GetRequiredService<CredentialRevocation>();

        // 呼び出し側がコミットしなければ、何も終わらない（退会: すべての種類を終える）
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var ended = await revocation.RevokeAsync(SeekerId, RevocationReason.Withdrawal);
            Assert.All(MustEnd, grant => Assert.True(ended[grant] > 0, $"{grant} を終えていません"));
        }
        Assert.All(MustEnd, grant => Assert.True(ActiveAsync(SeekerId).Result[grant] > 0));

        // パスワードの再登録は、パスキーのほかをすべて終える
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var ended = await revocation.RevokeAsync(SeekerId, RevocationReason.PasswordReset);
            Assert.Equal(0, ended[Grant.Passkeys]);
            await tx.CommitAsync();
        }
        Assert.All(MustEnd.Except([Grant.Passkeys]), grant => Assert.Equal(0, ActiveAsync(SeekerId).Result[grant]));
        Assert.Equal(1, (await ActiveAsync(SeekerId))[Grant.Passkeys]);
        Assert.Contains(LogLines, l => l.StartsWith("資格情報が開いたものを終えました", StringComparison.Ordinal) && l.Contains("reason=PasswordReset", StringComparison.Ordinal));

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await revocation.RevokeAsync(SeekerId, RevocationReason.Withdrawal);
            await tx.CommitAsync();
        }
        Assert.All(MustEnd, grant => Assert.Equal(0, ActiveAsync(SeekerId).Result[grant]));
    }

    // 一人の求職者に、すべての種類を開く。返すのは、コードを入れて省略を選んだブラウザ（ログイン中）と、同じようにログインしたほかの端末
    private async Task<(HttpClient Browser, CookieContainer Cookies, HttpClient OtherDevice)> GrantEverythingAsync(string email, string seekerId, int firstMail = 1)
    {
        var mail = firstMail;
        async Task<(HttpClient, CookieContainer)> SignedInTrustedAsync()
        {
            var cookies = new CookieContainer();
            var client = app.CreateHttpClient(cookies);
            await Forms.LoginAsync(client, email, Password);
            var code = Mails.Code(await app.Smtp.WaitForAsync(email, OneTimePasswordMails.Subject, mail++));
            var done = await Forms.PostAsync(client, "/Account/OneTimePassword", new() { ["Input.Code"] = code, ["Input.Trust"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
            return (client, cookies);
        }
        var (mine, cookies) = await SignedInTrustedAsync();
        var (device, _) = await SignedInTrustedAsync();
        // コードを待っているログイン
        using (var waiting = app.CreateHttpClient()) await Forms.LoginAsync(waiting, email, Password);
        // まだ使っていない認証キー
        using (var anonymous = app.CreateHttpClient()) await Forms.PostAsync(anonymous, "/Account/ForgotPassword", new() { ["Input.Id"] = email });
        await app.Smtp.WaitForAsync(email, ResetMails.RequestSubject);
        // このブラウザでログインしたあと、本人の「連携する」を待っているマイナポータルのサインイン
        await app.WithDbAsync(db =>
        {
            db.PendingMynaportalSignIns.Add(new()
            {
                Id = Guid.NewGuid().ToString("N"), Issuer = "https://mynaportal.example", Subject = "someone-" + seekerId, Name = "マイナ 花子",
                CreatedAt = app.Time.GetUtcNow(), ExpiresAt = app.Time.GetUtcNow() + TimeSpan.FromMinutes(5), SeekerId = seekerId,
            });
            return db.SaveChangesAsync();
        });
        // 認証キーの入力を待っている ID(メールアドレス)の変更（いまのパスワードで始めた）
        await Forms.PostAsync(mine, "/Settings/ChangeId", new() { ["Input.NewId"] = "waiting-" + email, ["Input.ConfirmId"] = "waiting-" + email, ["Input.Password"] = Password });
        // 登録したパスキー（登録の手順は PasskeyTests。ここでは行だけ）
        await app.WithDbAsync(db =>
        {
            db.UserPasskeys.Add(new SeekerPasskey
            {
                UserId = seekerId,
                CredentialId = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16),
                Data = new() { PublicKey = [1], Name = "Chrome（Linux）", CreatedAt = app.Time.GetUtcNow(), AttestationObject = [1], ClientDataJson = [1] },
            });
            return db.SaveChangesAsync();
        });
        Assert.All(MustEnd, grant => Assert.True(ActiveAsync(seekerId).Result[grant] > 0, $"{grant} を開けませんでした"));
        return (mine, cookies, device);
    }

    private async Task<Seeker> OtherSeekerWithGrantsAsync()
    {
        var other = await app.CreateSeekerAsync("other-" + Email, Password);
        await GrantEverythingAsync("other-" + Email, other.Id);
        return other;
    }

    // 種類ごとの、まだ生きているものの数
    private Task<Dictionary<Grant, int>> ActiveAsync(string seekerId) => app.WithDbAsync(async db =>
    {
        var now = app.Time.GetUtcNow();
        return new Dictionary<Grant, int>
        {
            [Grant.Sessions] = await db.Sessions.CountAsync(s => s.SeekerId == seekerId),
            [Grant.WaitingLogins] = await db.PendingLogins.CountAsync(p => p.SeekerId == seekerId && p.UsedAt == null && p.VoidedAt == null),
            [Grant.TrustedBrowsers] = await db.SeekerBrowsers.CountAsync(b => b.SeekerId == seekerId && b.TrustedUntil != null),
            [Grant.KnownBrowsers] = await db.SeekerBrowsers.CountAsync(b => b.SeekerId == seekerId),
            [Grant.ResetKeys] = await db.PasswordResetRequests.CountAsync(r => r.SeekerId == seekerId && r.UsedAt == null && r.VoidedAt == null),
            [Grant.MynaportalSignInsAwaitingLink] = await db.PendingMynaportalSignIns.CountAsync(p => p.SeekerId == seekerId && p.ExpiresAt > now),
            [Grant.IdChangeKeys] = await db.IdChangeRequests.CountAsync(r => r.SeekerId == seekerId && r.UsedAt == null && r.VoidedAt == null),
            [Grant.Passkeys] = await db.UserPasskeys.CountAsync(p => p.UserId == seekerId),
        };
    });
}
