using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace MyPage.Data;

// MyPage:DataProtection:Certificate: Data Protection の鍵（Cookie、CSRF トークン、送信待ちの秘密、サイトの鍵を守る）を
// データベースに置く前に、この証明書で暗号化する。Path と Password（PKCS#12 ファイル）か、Thumbprint（証明書ストア）。
// ない本番では起動時に警告する（StartupWarnings）。
public static class DataProtectionCertificate
{
    public const string Section = "MyPage:DataProtection:Certificate";

    public static void Protect(IDataProtectionBuilder builder, IConfiguration config)
    {
        if (Load(config.GetSection(Section)) is { } certificate) builder.ProtectKeysWithCertificate(certificate);
    }

    public static bool IsConfigured(IConfiguration config)
        => !string.IsNullOrWhiteSpace(config[$"{Section}:Path"]) || !string.IsNullOrWhiteSpace(config[$"{Section}:Thumbprint"]);

    private static X509Certificate2? Load(IConfigurationSection section)
    {
        if (section["Path"] is { Length: > 0 } path)
            return X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"], X509KeyStorageFlags.EphemeralKeySet);
        if (section["Thumbprint"] is not { Length: > 0 } thumbprint) return null;
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly);
            if (store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false) is [var found, ..]) return found;
        }
        throw new InvalidOperationException($"{Section}:Thumbprint の証明書 {thumbprint} が証明書ストアにありません。 / The certificate {thumbprint} is not in the certificate store.");
    }
}
