using MyPage.Mynaportal;

namespace MyPage.Pages.Mynaportal;

// マイナポータルの戻り（シングルサインオン、連携）の結果ごとの行き先。戻り先の画面と、S6 からのログインの両方が使う。
public static class MynaportalOutcomes
{
    // S1 の ?link=mynaportal: 「属性連携不整合確認」の「マイナポータル連携開始」から来た
    public const string LinkOnLogin = "mynaportal";

    // 「求職者情報・設定」に ?status= で伝える結果
    public const string Linked = "linked";
    public const string Unlinked = "unlinked";
    public const string SubjectTaken = "subject-taken";
    public const string AlreadyLinked = "already-linked";
    public const string Declined = "declined";

    public static (string Page, object? Values) Target(CallbackOutcome outcome) => outcome switch
    {
        CallbackOutcome.SignedIn => ("/Home/Index", null),
        CallbackOutcome.Linked => ("/Settings/Index", new { status = Linked }),
        CallbackOutcome.SubjectLinkedToAnother => ("/Settings/Index", new { status = SubjectTaken }),
        CallbackOutcome.SeekerAlreadyLinked => ("/Settings/Index", new { status = AlreadyLinked }),
        CallbackOutcome.NotLinked => ("/Mynaportal/Unlinked", null),
        _ => ("/Mynaportal/Failed", null),
    };
}
