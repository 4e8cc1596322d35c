using MyPage.Data;
using MyPage.Revocation;

namespace MyPage.Sessions;

// ほかの所で終えたセッション（「他の端末からログアウトする」、パスワードの再登録、退会、マイナポータルの連携解除、
// ID(メールアドレス)の変更）の印。
// 行は消さず、求職者を指さない (SeekerId なし) 行に変えて、チケットを空にし、理由を EndedBy に持たせる。その端末が次に来たとき、
// 「一定時間操作がなかった」ではなく本当の理由をログイン画面で伝える。印は、そのセッションが時間切れになるはずだった時刻
// (ExpiresAt) に後片付けが消す（それより後なら、時間切れと言っても本当）。
internal static class SessionEndings
{
    private const string EndedBy = "mypage-session-ended-by";

    public static RevocationReason? ReasonOf(SessionRecord row)
        => row.EndedBy is { } name && Enum.TryParse<RevocationReason>(name, out var reason) ? reason : null;

    // ServerSessionStore が印を見つけた要求に、理由を残す（SessionTimeoutEvents がログイン画面の ?status= にする）
    public static void Remember(HttpContext http, RevocationReason reason) => http.Items[EndedBy] = reason;

    public static RevocationReason? Remembered(HttpContext http) => http.Items.TryGetValue(EndedBy, out var reason) ? reason as RevocationReason? : null;

    // ログイン画面の ?status=（LoginModel が文言にする）
    public const string SignedOutElsewhere = "signed-out-elsewhere";
    public const string PasswordReset = "password-reset";
    public const string Withdrawn = "withdrawn";
    public const string MynaportalUnlinked = "mynaportal-unlinked";
    public const string IdChanged = "id-changed";

    public static string Status(RevocationReason reason) => reason switch
    {
        RevocationReason.SignOutOtherDevices => SignedOutElsewhere,
        RevocationReason.PasswordReset => PasswordReset,
        RevocationReason.Withdrawal => Withdrawn,
        RevocationReason.MynaportalUnlinked => MynaportalUnlinked,
        RevocationReason.IdChanged => IdChanged,
        _ => SessionTimeoutEvents.TimedOut,
    };
}
