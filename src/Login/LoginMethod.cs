using MyPage.Audit;

namespace MyPage.Login;

// ログインの方法。画面の言葉や記録の文字列はここから引く（日本語の文字列を判断には使わない）
internal enum LoginMethod { Password, PasswordAndCode, Mynaportal, Passkey }

// 成功したログインが、失敗の回数（ロック）をどうするか
internal enum LockCount
{
    // 数え直す: パスワードを知っていることが確かめられた
    Clear,

    // そのまま: パスワードを確かめていない（ロックはパスワードを当てさせないためのもので、残す）
    Keep,
}

// ログインの方法の表の一行。方法を足すときは、行を一つと、その方法の手順（画面と確かめ方）を足す。
//   Code:                 セッションとログイン履歴に残す短い名前（変えない: 古い履歴の行もこれで読む）
//   Name:                 ログイン履歴と「ログインのお知らせ」の言葉
//   NeedsOneTimePassword: この方法はワンタイムパスワードの段階を含む（パスワードだけの方法は、省略してよいブラウザでだけ使う）
//   LockCount:            成功したとき、失敗の回数をどうするか
//   Audit:                監査ログの出来事（イベント ID はそれぞれの LoggerMessage に）
//   Metric:               数 mypage.logins のラベル method（変えない: 運用者の警告とダッシュボードがこれで読む）
internal sealed record LoginMethodRow(
    LoginMethod Method,
    string Code,
    string Name,
    bool NeedsOneTimePassword,
    LockCount LockCount,
    Action<ILogger, string, string, DateTimeOffset> Audit,
    string Metric);

internal static class LoginMethods
{
    public static readonly IReadOnlyList<LoginMethodRow> Table =
    [
        new(LoginMethod.Password, "pwd", "パスワード", NeedsOneTimePassword: false, LockCount.Clear,
            (log, seeker, client, at) => log.LoginSucceeded(seeker, "pwd", client, at), "password"),
        new(LoginMethod.PasswordAndCode, "pwd+otp", "パスワード＋ワンタイムパスワード", NeedsOneTimePassword: true, LockCount.Clear,
            (log, seeker, client, at) => log.LoginSucceeded(seeker, "pwd+otp", client, at), "password_otp"),
        // マイナンバーカードでの認証はパスワードより強いので、コードは求めない。パスワードのロックは残す
        new(LoginMethod.Mynaportal, "mynaportal", "マイナポータル", NeedsOneTimePassword: false, LockCount.Keep,
            (log, seeker, client, at) => log.MynaportalSignedIn(seeker, client, at), "mynaportal"),
        // パスキーは端末のロック解除（指紋、顔、PIN）で本人を確かめる（user verification を必ず求める）ので、コードは求めない。
        // パスワードのロックは残す: ロックはパスワードを当てさせないためのもので、パスキーを持つ本人を締め出すためのものではない
        new(LoginMethod.Passkey, "passkey", "パスキー", NeedsOneTimePassword: false, LockCount.Keep,
            (log, seeker, client, at) => log.PasskeySignedIn(seeker, client, at), "passkey"),
    ];

    public static LoginMethodRow Row(LoginMethod method) => Table.Single(row => row.Method == method);

    // ログイン履歴の行の Code から言葉へ（知らない Code は、いちばん弱い「パスワード」と書く）
    public static string NameOf(string code) => Table.FirstOrDefault(row => row.Code == code)?.Name ?? Row(LoginMethod.Password).Name;
}
