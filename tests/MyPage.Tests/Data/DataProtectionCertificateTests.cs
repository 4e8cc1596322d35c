using Microsoft.EntityFrameworkCore;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Data;

// Data Protection の鍵（Cookie、CSRF、送信待ちの秘密を守る鍵）は、証明書で暗号化してデータベースに置く。
// 本番で証明書がなければ起動しない（わざと暗号化しないときだけ AllowUnencryptedKeys、警告つき）。
// 暗号化された鍵の束に、証明書のないプロセスやコマンドが暗号化されていない鍵を書き足すことはない。
[Trait("Category", "Processes")]
public class DataProtectionCertificateTests
{
    [Fact]
    public async Task Cannot_start_in_production_without_a_certificate_unless_told_to_on_purpose()
    {
        var (code, _, error) = await SiteProcess.RunAsync(new Dictionary<string, string>
        {
            ["MyPage__PublicUrl"] = "https://mypage.example.jp/",
            ["MyPage__DataProtection__AllowUnencryptedKeys"] = "false",
        });
        Assert.Equal(1, code);
        Assert.Equal(MyPage.Data.DataProtectionCertificate.Missing, error.Trim());
    }

    [Fact]
    public async Task Cannot_start_a_site_or_a_staff_command_without_the_certificate_on_an_encrypted_key_ring_and_neither_writes_a_key()
    {
        var pfx = await DataProtectionPfx.CreateAsync();
        var database = Path.Combine(Path.GetTempPath(), $"mypage-dp-{Guid.NewGuid():N}.db");
        try
        {
            await using (var site = new MyPageApp(database, new Dictionary<string, string?>
            {
                ["MyPage:DataProtection:Certificate:Path"] = pfx,
                ["MyPage:DataProtection:Certificate:Password"] = DataProtectionPfx.Password,
                ["MyPage:DataProtection:AllowUnencryptedKeys"] = "false",
            }, keepDatabase: true))
            {
                await site.CreateSeekerAsync("seeker@example.jp", "Right-pass-1");
                using var client = site.CreateHttpClient();
                await Forms.LoginAsync(client, "seeker@example.jp", "Right-pass-1");
            }
            var keysBefore = await KeysAsync(database);
            Assert.NotEmpty(keysBefore);

            // 証明書を忘れたインスタンス（わざと暗号化しない設定でも）と、証明書を忘れた職員のコマンド
            var withoutCertificate = new Dictionary<string, string>
            {
                ["ConnectionStrings__MyPage"] = $"Data Source={database}",
                ["MyPage__PublicUrl"] = "https://mypage.example.jp/",
            };
            var site2 = await SiteProcess.RunAsync(withoutCertificate);
            Assert.Equal(1, site2.Code);
            Assert.Equal(MyPage.Data.DataProtectionCertificate.EncryptedWithoutCertificate, site2.Err.Trim());
            var staff = await SiteProcess.RunAsync(withoutCertificate, null, "staff", "unlock", "--email", "seeker@example.jp");
            Assert.Equal(1, staff.Code);
            Assert.Equal(MyPage.Data.DataProtectionCertificate.EncryptedWithoutCertificate, staff.Err.Trim());
            Assert.Equal(keysBefore, await KeysAsync(database));
        }
        finally
        {
            File.Delete(pfx);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }

    [Fact]
    public async Task A_staff_command_never_writes_a_key()
    {
        var database = Path.Combine(Path.GetTempPath(), $"mypage-dp-{Guid.NewGuid():N}.db");
        try
        {
            await using (var site = new MyPageApp(database, keepDatabase: true))
                await site.CreateSeekerAsync("seeker@example.jp", "Right-pass-1");
            var keysBefore = await KeysAsync(database);
            var settings = new Dictionary<string, string> { ["ConnectionStrings__MyPage"] = $"Data Source={database}", ["MyPage__PublicUrl"] = "https://mypage.example.jp/" };
            Assert.Equal(0, (await SiteProcess.RunAsync(settings, null, "staff", "unlock", "--email", "seeker@example.jp")).Code);
            Assert.Equal(0, (await SiteProcess.RunAsync(settings, null, "staff", "client-tag", "--address", "2001:db8::1")).Code);
            Assert.Equal(keysBefore, await KeysAsync(database));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }

    private static async Task<List<string>> KeysAsync(string database)
    {
        await using var db = new MyPage.Data.MyPageDb(new DbContextOptionsBuilder<MyPage.Data.MyPageDb>().UseSqlite($"Data Source={database};Pooling=False").Options);
        return await db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.FriendlyName + k.Xml).ToListAsync();
    }

    [Fact]
    public async Task Can_encrypt_the_keys_at_rest_with_a_configured_certificate_and_use_them_after_a_restart()
    {
        var pfx = await DataProtectionPfx.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["MyPage:DataProtection:Certificate:Path"] = pfx,
            ["MyPage:DataProtection:Certificate:Password"] = DataProtectionPfx.Password,
            ["MyPage:DataProtection:AllowUnencryptedKeys"] = "false",
        };
        var database = Path.Combine(Path.GetTempPath(), $"mypage-dp-{Guid.NewGuid():N}.db");
        try
        {
            var cookies = new System.Net.CookieContainer();
            await using (var before = new MyPageApp(database, settings, keepDatabase: true))
            {
                await before.CreateSeekerAsync("seeker@example.jp", "Right-pass-1");
                using var client = before.CreateHttpClient(cookies);
                await Forms.LoginAsync(client, "seeker@example.jp", "Right-pass-1");
                var keys = await before.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
                Assert.NotEmpty(keys);
                Assert.All(keys, xml =>
                {
                    Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal);
                    Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
                });
                Assert.DoesNotContain(before.Logs.Lines, l => l.Contains("MyPage:DataProtection:Certificate", StringComparison.Ordinal));
            }
            // 同じ証明書で再起動すれば、ログインしたまま
            await using var after = new MyPageApp(database, settings);
            using var again = after.CreateHttpClient(cookies);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await again.GetAsync("/Home")).StatusCode);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task Can_warn_at_start_up_when_the_keys_are_not_encrypted_on_purpose()
    {
        await using var app = new MyPageApp();
        Assert.Contains(app.Logs.Lines, l => l.Contains("MyPage:DataProtection:Certificate に証明書を設定してください", StringComparison.Ordinal));
    }
}
