using Microsoft.AspNetCore.Identity;

namespace MyPage.Data;

// 求職者。ID(メールアドレス)は UserName と Email の両方に正規化して入れる。
public class Seeker : IdentityUser
{
    // 求職番号 (70000-9999999 形式)。オンライン登録でまだ窓口確認がない人は null。
    public string? SeekerNumber { get; set; }

    // 管轄安定所名
    public string? OfficeName { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    // 「前回のログイン日時」: 今回のログインの一つ前
    public DateTimeOffset? PreviousLoginAt { get; set; }
}
