using Microsoft.AspNetCore.Identity;

namespace MyPage.Data;

// 求職者のパスキー（Identity の AspNetUserPasskeys の行: 公開鍵、名前、登録日時などは Data に）。
// 最後にログインに使った時刻を足す（「ログインの安全」の最終利用日時）
internal sealed class SeekerPasskey : IdentityUserPasskey<string>
{
    public DateTimeOffset? LastUsedAt { get; set; }
}
