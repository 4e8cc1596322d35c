namespace MyPage.Audit;

// 監査のためのログ。運用者は文言ではなくイベント ID で絞り込む（ID は変えない。新しい出来事には新しい番号）。
// 入力されたIDそのものは残さない: id= は鍵付きのタグ、seeker= は内部の番号。
internal static partial class AuditLog
{
    // 1000番台: ログイン
    [LoggerMessage(EventId = 1001, EventName = "LoginSucceeded", Level = LogLevel.Information,
        Message = "ログイン成功 seeker={SeekerId} method={Method} client={Client} at={At:o}")]
    public static partial void LoginSucceeded(this ILogger log, string seekerId, string method, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1002, EventName = "PasswordRejected", Level = LogLevel.Warning,
        Message = "{Purpose}失敗 id={IdTag} failures={Failures} client={Client} at={At:o}")]
    public static partial void PasswordRejected(this ILogger log, string purpose, string idTag, int failures, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1003, EventName = "AccountLocked", Level = LogLevel.Warning,
        Message = "アカウントロック id={IdTag} until={Until:o} client={Client} at={At:o}")]
    public static partial void AccountLocked(this ILogger log, string idTag, DateTimeOffset? until, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1004, EventName = "RefusedWhileLocked", Level = LogLevel.Warning,
        Message = "{Purpose}拒否（ロック中） id={IdTag} client={Client} at={At:o}")]
    public static partial void RefusedWhileLocked(this ILogger log, string purpose, string idTag, string? client, DateTimeOffset at);

    // 1100番台: パスワード再登録
    [LoggerMessage(EventId = 1101, EventName = "ResetRequested", Level = LogLevel.Information,
        Message = "パスワード再登録の申込み id={IdTag} mail={Mail} limited={Limited} client={Client} at={At:o}")]
    public static partial void ResetRequested(this ILogger log, string idTag, bool mail, bool limited, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1102, EventName = "ResetCompleted", Level = LogLevel.Information,
        Message = "パスワード再登録の完了 seeker={SeekerId} sessionsEnded={Sessions} client={Client} at={At:o}")]
    public static partial void ResetCompleted(this ILogger log, string seekerId, int sessions, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1103, EventName = "ResetKeyRejected", Level = LogLevel.Warning,
        Message = "パスワード再登録: 認証キーの誤り request={Request} failures={Failures} client={Client}")]
    public static partial void ResetKeyRejected(this ILogger log, string request, int failures, string? client);

    [LoggerMessage(EventId = 1104, EventName = "ResetKeyVoid", Level = LogLevel.Warning,
        Message = "パスワード再登録: 無効な認証キー request={Request} client={Client}")]
    public static partial void ResetKeyVoid(this ILogger log, string request, string? client);

    // 1200番台: マイナポータル
    [LoggerMessage(EventId = 1201, EventName = "MynaportalLinked", Level = LogLevel.Information,
        Message = "マイナポータル連携 seeker={SeekerId} at={At:o}")]
    public static partial void MynaportalLinked(this ILogger log, string seekerId, DateTimeOffset at);

    [LoggerMessage(EventId = 1202, EventName = "MynaportalUnlinked", Level = LogLevel.Information,
        Message = "マイナポータル連携解除 seeker={SeekerId} at={At:o}")]
    public static partial void MynaportalUnlinked(this ILogger log, string seekerId, DateTimeOffset at);

    [LoggerMessage(EventId = 1203, EventName = "MynaportalLinkRefused", Level = LogLevel.Warning,
        Message = "マイナポータル連携を断りました reason={Reason} seeker={SeekerId}")]
    public static partial void MynaportalLinkRefused(this ILogger log, string reason, string seekerId);

    [LoggerMessage(EventId = 1204, EventName = "MynaportalSignedIn", Level = LogLevel.Information,
        Message = "ログイン成功（マイナポータル） seeker={SeekerId} client={Client} at={At:o}")]
    public static partial void MynaportalSignedIn(this ILogger log, string seekerId, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1205, EventName = "MynaportalNotLinked", Level = LogLevel.Warning,
        Message = "マイナポータルからのログイン: 連携が見つかりません client={Client}")]
    public static partial void MynaportalNotLinked(this ILogger log, string? client);

    [LoggerMessage(EventId = 1206, EventName = "MynaportalFailed", Level = LogLevel.Warning,
        Message = "マイナポータルとの連携に失敗 error={Error} client={Client}")]
    public static partial void MynaportalFailed(this ILogger log, string? error, string? client);

    // 1300番台: 開設と退会
    [LoggerMessage(EventId = 1301, EventName = "Withdrawn", Level = LogLevel.Information,
        Message = "退会 seeker={SeekerId} client={Client} at={At:o}")]
    public static partial void Withdrawn(this ILogger log, string seekerId, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1302, EventName = "RegistrationRequested", Level = LogLevel.Information,
        Message = "開設の仮登録 address={Tag} existing={Existing} limited={Limited} client={Client} at={At:o}")]
    public static partial void RegistrationRequested(this ILogger log, string tag, bool existing, bool limited, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1303, EventName = "RegistrationCompleted", Level = LogLevel.Information,
        Message = "開設の本登録 seeker={SeekerId} client={Client} at={At:o}")]
    public static partial void RegistrationCompleted(this ILogger log, string seekerId, string? client, DateTimeOffset at);

    // 1400番台: ワンタイムパスワードと、求職者が見るアカウントの安全
    [LoggerMessage(EventId = 1401, EventName = "OneTimePasswordSent", Level = LogLevel.Information,
        Message = "ワンタイムパスワードを送信 seeker={SeekerId} pending={Pending} resend={Resend} mail={Mail} client={Client} at={At:o}")]
    public static partial void OneTimePasswordSent(this ILogger log, string seekerId, string pending, bool resend, bool mail, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1402, EventName = "OneTimePasswordRejected", Level = LogLevel.Warning,
        Message = "ワンタイムパスワードの誤り seeker={SeekerId} pending={Pending} failures={Failures} client={Client} at={At:o}")]
    public static partial void OneTimePasswordRejected(this ILogger log, string seekerId, string pending, int failures, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1403, EventName = "OneTimePasswordVoid", Level = LogLevel.Warning,
        Message = "無効なワンタイムパスワードのログイン pending={Pending} client={Client} at={At:o}")]
    public static partial void OneTimePasswordVoid(this ILogger log, string pending, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1404, EventName = "BrowserTrusted", Level = LogLevel.Information,
        Message = "ワンタイムパスワードを省略するブラウザ seeker={SeekerId} until={Until:o}")]
    public static partial void BrowserTrusted(this ILogger log, string seekerId, DateTimeOffset until);

    [LoggerMessage(EventId = 1405, EventName = "BrowserUntrusted", Level = LogLevel.Information,
        Message = "ワンタイムパスワードの省略を解除 seeker={SeekerId} browsers={Count} reason={Reason}")]
    public static partial void BrowserUntrusted(this ILogger log, string seekerId, int count, string reason);

    [LoggerMessage(EventId = 1406, EventName = "OtherSessionsEnded", Level = LogLevel.Information,
        Message = "他の端末からログアウト seeker={SeekerId} sessionsEnded={Sessions} browsersUntrusted={Browsers} client={Client} at={At:o}")]
    public static partial void OtherSessionsEnded(this ILogger log, string seekerId, int sessions, int browsers, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1407, EventName = "CredentialsRevoked", Level = LogLevel.Information,
        Message = "資格情報が開いたものを終えました seeker={SeekerId} reason={Reason} ended={Ended}")]
    public static partial void CredentialsRevoked(this ILogger log, string seekerId, string reason, string ended);

    // 1600番台: ID(メールアドレス)の変更。アドレスはタグで (to=, from=)
    [LoggerMessage(EventId = 1601, EventName = "IdChangeRequested", Level = LogLevel.Information,
        Message = "ID(メールアドレス)の変更の申込み seeker={SeekerId} to={ToTag} taken={Taken} limited={Limited} client={Client} at={At:o}")]
    public static partial void IdChangeRequested(this ILogger log, string seekerId, string toTag, bool taken, bool limited, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1602, EventName = "IdChanged", Level = LogLevel.Information,
        Message = "ID(メールアドレス)の変更 seeker={SeekerId} from={FromTag} to={ToTag} by={By} sessionsEnded={Sessions} client={Client} at={At:o}")]
    public static partial void IdChanged(this ILogger log, string seekerId, string fromTag, string toTag, string by, int sessions, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1603, EventName = "IdChangeKeyRejected", Level = LogLevel.Warning,
        Message = "ID(メールアドレス)の変更: 認証キーの誤り seeker={SeekerId} failures={Failures} client={Client}")]
    public static partial void IdChangeKeyRejected(this ILogger log, string seekerId, int failures, string? client);

    [LoggerMessage(EventId = 1604, EventName = "IdChangeKeyVoid", Level = LogLevel.Warning,
        Message = "ID(メールアドレス)の変更: 無効な認証キー seeker={SeekerId} client={Client}")]
    public static partial void IdChangeKeyVoid(this ILogger log, string seekerId, string? client);

    [LoggerMessage(EventId = 1207, EventName = "MynaportalLinkDeclined", Level = LogLevel.Information,
        Message = "マイナポータルの連携を本人が断りました seeker={SeekerId} client={Client}")]
    public static partial void MynaportalLinkDeclined(this ILogger log, string seekerId, string client);

    // 1700番台: パスキー
    [LoggerMessage(EventId = 1701, EventName = "PasskeySignedIn", Level = LogLevel.Information,
        Message = "ログイン成功（パスキー） seeker={SeekerId} client={Client} at={At:o}")]
    public static partial void PasskeySignedIn(this ILogger log, string seekerId, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1702, EventName = "PasskeyLoginRefused", Level = LogLevel.Warning,
        Message = "パスキーでのログインを断りました reason={Reason} client={Client}")]
    public static partial void PasskeyLoginRefused(this ILogger log, string reason, string? client);

    [LoggerMessage(EventId = 1703, EventName = "PasskeyRegistered", Level = LogLevel.Information,
        Message = "パスキー登録 seeker={SeekerId} passkeys={Count} client={Client} at={At:o}")]
    public static partial void PasskeyRegistered(this ILogger log, string seekerId, int count, string? client, DateTimeOffset at);

    [LoggerMessage(EventId = 1704, EventName = "PasskeyRegistrationRefused", Level = LogLevel.Warning,
        Message = "パスキー登録を断りました reason={Reason} seeker={SeekerId} client={Client}")]
    public static partial void PasskeyRegistrationRefused(this ILogger log, string reason, string seekerId, string? client);

    [LoggerMessage(EventId = 1705, EventName = "PasskeyDeleted", Level = LogLevel.Information,
        Message = "パスキー削除 seeker={SeekerId} client={Client} at={At:o}")]
    public static partial void PasskeyDeleted(this ILogger log, string seekerId, string? client, DateTimeOffset at);
}
