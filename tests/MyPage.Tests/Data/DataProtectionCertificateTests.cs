using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Data;

// Data Protection の鍵（Cookie、CSRF、送信待ちの秘密を守る鍵）は、証明書があれば暗号化してデータベースに置く。なければ起動時に警告。
public class DataProtectionCertificateTests
{
    [Fact]
    public async Task Can_encrypt_the_keys_at_rest_with_a_configured_certificate_and_use_them_after_a_restart()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"mypage-dp-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=MyPage Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "test-password"));
        }
        var settings = new Dictionary<string, string?>
        {
            ["MyPage:DataProtection:Certificate:Path"] = pfx,
            ["MyPage:DataProtection:Certificate:Password"] = "test-password",
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
    public async Task Can_warn_at_start_up_when_the_keys_are_not_encrypted()
    {
        await using var app = new MyPageApp();
        Assert.Contains(app.Logs.Lines, l => l.Contains("MyPage:DataProtection:Certificate に証明書を設定してください", StringComparison.Ordinal));
    }
}
