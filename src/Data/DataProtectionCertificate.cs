using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MyPage.Startup;

namespace MyPage.Data;

// MyPage:DataProtection:Certificate: Data Protection の鍵（Cookie、CSRF トークン、送信待ちの秘密、サイトの鍵を守る）を
// データベースに置く前に、この証明書で暗号化する。Path と Password（PKCS#12 ファイル）か、Thumbprint（証明書ストア）。
// Development のほかでは必須で、ないと起動しない（わざと暗号化しないなら MyPage:DataProtection:AllowUnencryptedKeys=true、警告 5001）。
// 暗号化された鍵があるのに証明書のないプロセスも起動しない（鍵を作らない）: 証明書を忘れたコマンドやインスタンスが
// 暗号化されていない鍵を束に書き、ほかのインスタンスがそれを使い始めることがないように。
internal static class DataProtectionCertificate
{
    public const string Section = "MyPage:DataProtection:Certificate";
    public const string AllowUnencryptedKeys = "MyPage:DataProtection:AllowUnencryptedKeys";

    public const string Missing = "MyPage:DataProtection:Certificate が設定されていないので起動しません（鍵の束を暗号化する証明書。わざと暗号化しないなら MyPage:DataProtection:AllowUnencryptedKeys=true）。 / MyPage:DataProtection:Certificate is not set (set MyPage:DataProtection:AllowUnencryptedKeys=true to run without it on purpose).";
    public const string EncryptedWithoutCertificate = "データベースの Data Protection の鍵は証明書で暗号化されていますが、このプロセスには MyPage:DataProtection:Certificate がありません。サイトと同じ設定で起動してください（鍵は作りません）。 / The key ring is encrypted but MyPage:DataProtection:Certificate is not set; use the same settings as the site.";

    // 起動の前の確かめ（マイグレーションのあと）。Development では何もしない
    public static void CheckKeyRing(MyPageDb db, IConfiguration config, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() || IsConfigured(config)) return;
        if (!config.GetValue<bool>(AllowUnencryptedKeys)) throw new StartupException(Missing);
        if (db.Database.GetPendingMigrations().Any()) return;
        if (db.DataProtectionKeys.AsNoTracking().Any(k => k.Xml != null && k.Xml.Contains("encryptedSecret")))
            throw new StartupException(EncryptedWithoutCertificate);
    }

    public static void Protect(IDataProtectionBuilder builder, IConfiguration config)
    {
        if (Load(config.GetSection(Section)) is { } certificate) builder.ProtectKeysWithCertificate(certificate);
    }

    public static bool IsConfigured(IConfiguration config)
        => !string.IsNullOrWhiteSpace(config[$"{Section}:Path"]) || !string.IsNullOrWhiteSpace(config[$"{Section}:Thumbprint"]);

    private static X509Certificate2? Load(IConfigurationSection section)
    {
        if (section["Path"] is { Length: > 0 } path)
        {
            try
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"], X509KeyStorageFlags.EphemeralKeySet);
                return certificate.HasPrivateKey ? certificate
                    : throw new StartupException(SettingChecks.Line($"{Section}:Path", path,
                        "この証明書には秘密鍵がありません。秘密鍵を含む PKCS#12 (.pfx) にしてください。", "the certificate has no private key."));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                // ない、読めない、パスワードが違う、PKCS#12 でない
                throw new StartupException(SettingChecks.Line($"{Section}:Path", path,
                    $"この証明書を開けません（{e.Message}）。ファイルと {Section}:Password を確かめてください。", $"cannot open the certificate ({e.Message})."));
            }
        }
        if (section["Thumbprint"] is not { Length: > 0 } thumbprint) return null;
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly);
            if (store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false) is [var found, ..]) return found;
        }
        throw new StartupException(SettingChecks.Line($"{Section}:Thumbprint", thumbprint,
            "この拇印の証明書が証明書ストアにありません。", "the certificate is not in the certificate store."));
    }
}
