using MyPage.Mynaportal;
using MyPage.Pages.Shared;

namespace MyPage.Pages.Mynaportal;

// 「求職者情報・設定」とホームに ?status= で伝える、マイナポータルとの連携の結果
internal enum MynaportalStatus { Linked, Unlinked, SubjectTaken, AlreadyLinked, Declined }

// マイナポータルの戻り（シングルサインオン、連携）の結果ごとの行き先。戻り先の画面と、S6 からのログインの両方が使う。
internal static class MynaportalOutcomes
{
    // S1 の ?link=mynaportal: 「属性連携不整合確認」の「マイナポータル連携開始」から来た
    public const string LinkOnLogin = "mynaportal";

    public static (string Page, object? Values) Target(CallbackOutcome outcome) => outcome switch
    {
        CallbackOutcome.SignedIn => ("/Home/Index", null),
        CallbackOutcome.Linked => ("/Settings/Index", PageStatus.Route(MynaportalStatus.Linked)),
        CallbackOutcome.SubjectLinkedToAnother => ("/Settings/Index", PageStatus.Route(MynaportalStatus.SubjectTaken)),
        CallbackOutcome.SeekerAlreadyLinked => ("/Settings/Index", PageStatus.Route(MynaportalStatus.AlreadyLinked)),
        CallbackOutcome.NotLinked => ("/Mynaportal/Unlinked", null),
        _ => ("/Mynaportal/Failed", null),
    };
}
