namespace MyPage.Data;

// 送るメール。画面の処理と同じトランザクションで書き、後で OutboxSender が送る。
// 時刻は DateTimeOffset（列の形は MyPageDb.ConfigureConventions）。
internal class OutboxMessage
{
    public long Id { get; set; }

    // Message-ID。送り直しても同じ値なので、受け手側で重複を見分けられる
    public required string MessageId { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    // 本文。秘密の部分（認証キー、本登録の URL）は MailText.Secret の印だけで、中身は Secret に保護して置く。
    // 送ったら本文も秘密も消す（宛先・件名・Message-ID・時刻は記録として残す）
    public string? Body { get; set; }
    public string? Secret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    // 送信中の印。この時刻までは他の送信者が手を出さない（複数インスタンスでも一度だけ送る）
    public DateTimeOffset? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    // 二度と送れないと分かった時刻（宛先を読めない、SMTP サーバーが宛先や本文を 5xx で断った）。送り直さず、本文と秘密も消す
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }
}
