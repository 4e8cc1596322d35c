using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MyPage.Tests.Infrastructure;

// Data Protection の鍵の束を暗号化する、使い捨ての自己署名の証明書 (PKCS#12 と、その Password)
public static class DataProtectionPfx
{
    public const string Password = "test-password";

    // folder（既定は一時フォルダー）に作り、そのパスを返す。消すのは呼び出し側
    public static async Task<string> CreateAsync(string? folder = null)
    {
        var pfx = Path.Combine(folder ?? Path.GetTempPath(), $"mypage-dp-{Guid.NewGuid():N}.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=MyPage Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, Password));
        return pfx;
    }
}
