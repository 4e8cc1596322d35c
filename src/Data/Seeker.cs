using Microsoft.AspNetCore.Identity;

namespace MyPage.Data;

// 求職者。ID(メールアドレス)は UserName と Email の両方に正規化して入れる。
internal class Seeker : IdentityUser
{
    // 求職番号 (70000-9999999 形式)。オンライン登録でまだ窓口確認がない人は null。
    public string? SeekerNumber { get; set; }

    // 管轄安定所名
    public string? OfficeName { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    // 「前回のログイン日時」: 今回のログインの一つ前
    public DateTimeOffset? PreviousLoginAt { get; set; }

    // オンラインで開設したときの基本情報（窓口で作った人は空のことがある）
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyNameKana { get; set; }
    public string? GivenNameKana { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? PostalCode { get; set; }
    public string? Prefecture { get; set; }

    // 求職公開状況: 求人者に求職情報を公開しているか
    public bool IsPublic { get; set; }

    // オンライン登録者: ハローワークの窓口で確認されるまで求職番号はない
    public DateTimeOffset? RegisteredOnlineAt { get; set; }
}
