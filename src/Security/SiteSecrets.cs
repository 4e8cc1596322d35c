using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Security;

// サイトの鍵: 初めて使うときにデータベースから読む（なければ作る）。データベースには Data Protection で保護した値だけ。
// 最初のインスタンスが作り、ほかのインスタンスはそれを読む（名前が主キーなので、作られるのは一つだけ）。
internal sealed class SiteSecrets
{
    private const string TagKeyName = "id-tag-key";
    private readonly Lazy<byte[]> tagKey;

    public SiteSecrets(IServiceScopeFactory scopes, IDataProtectionProvider protection)
    {
        var protector = protection.CreateProtector("MyPage.SiteSecrets.v1");
        tagKey = new(() =>
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MyPageDb>();
            // あれば読むだけ（鍵を作れない職員のコマンドでも読める）。なければ作って入れ、先に入ったほうを使う
            var stored = db.SiteSecrets.AsNoTracking().Where(s => s.Name == TagKeyName).Select(s => s.Value).SingleOrDefault();
            if (stored is null)
            {
                var candidate = protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
                InsertSiteSecret.IfAbsent(db, TagKeyName, candidate);
                stored = db.SiteSecrets.AsNoTracking().Where(s => s.Name == TagKeyName).Select(s => s.Value).Single();
            }
            return Convert.FromBase64String(protector.Unprotect(stored));
        }, LazyThreadSafetyMode.PublicationOnly); // 失敗（データベースが一時的に使えない）は覚えず、次にまた読む
    }

    // ID や接続元を、そのまま残さずに数えたり追ったりするための HMAC の鍵
    public byte[] TagKey => tagKey.Value;
}

// 入力されたIDや接続元のアドレスのタグ: 鍵付きの HMAC-SHA256。アドレスの一覧から逆引きできない。
// ログイン失敗の回数、時間あたりの上限、ログの id= に使う。
internal sealed class IdTags(SiteSecrets secrets)
{
    public string Of(string? value)
        => Convert.ToHexStringLower(HMACSHA256.HashData(secrets.TagKey, Encoding.UTF8.GetBytes(value ?? "")));

    // ログに書く短いタグ
    public string ForLog(string? value) => Of(value)[..16];
}

// サイトの鍵は起動のときに読んでおく（初めて使うのが書き込みのトランザクションの中だと、SQLite では自分を待ってしまう）
internal sealed class SiteSecretsWarmUp(SiteSecrets secrets) : IDatabaseReadyHook
{
    public void DatabaseReady() => _ = secrets.TagKey;
}
