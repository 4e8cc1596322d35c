using System.Text;
using MyPage.Data;
using MyPage.Revocation;

namespace MyPage.Sessions;

// ほかの所で終えたセッション（「他の端末からログアウトする」、パスワードの再登録、退会、マイナポータルの連携解除）の印。
// 行は消さず、求職者を指さない (SeekerId なし) 行に変えて、チケットの代わりに理由だけを持たせる。その端末が次に来たとき、
// 「一定時間操作がなかった」ではなく本当の理由をログイン画面で伝える。印は、そのセッションが時間切れになるはずだった時刻
// (ExpiresAt) に後片付けが消す（それより後なら、時間切れと言っても本当）。
public static class SessionEndings
{
    // 本物のチケットは形式の版 (Int32) から始まるので、この ASCII の頭とは重ならない
    private const string Prefix = "mypage-ended:";
    private const string EndedBy = "mypage-session-ended-by";

    public static byte[] Marker(RevocationReason reason) => Encoding.ASCII.GetBytes(Prefix + reason);

    public static RevocationReason? ReasonOf(SessionRecord row)
    {
        if (row.SeekerId is not null || row.Ticket.Length <= Prefix.Length) return null;
        var text = Encoding.ASCII.GetString(row.Ticket);
        return text.StartsWith(Prefix, StringComparison.Ordinal) && Enum.TryParse<RevocationReason>(text[Prefix.Length..], out var reason) ? reason : null;
    }

    // ServerSessionStore が印を見つけた要求に、理由を残す（SessionTimeoutEvents がログイン画面の ?status= にする）
    public static void Remember(HttpContext http, RevocationReason reason) => http.Items[EndedBy] = reason;

    public static RevocationReason? Remembered(HttpContext http) => http.Items.TryGetValue(EndedBy, out var reason) ? reason as RevocationReason? : null;

    // ログイン画面の ?status=（LoginModel が文言にする）
    public const string SignedOutElsewhere = "signed-out-elsewhere";
    public const string PasswordReset = "password-reset";
    public const string Withdrawn = "withdrawn";
    public const string MynaportalUnlinked = "mynaportal-unlinked";

    public static string Status(RevocationReason reason) => reason switch
    {
        RevocationReason.SignOutOtherDevices => SignedOutElsewhere,
        RevocationReason.PasswordReset => PasswordReset,
        RevocationReason.Withdrawal => Withdrawn,
        RevocationReason.MynaportalUnlinked => MynaportalUnlinked,
        _ => SessionTimeoutEvents.TimedOut,
    };
}
