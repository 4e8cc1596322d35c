namespace MyPage.Mail;

// MyPage:Mail の設定
internal sealed class MailOptions
{
    // 差出人。利用者が受信許可に使うので画面にも表示する（マニュアルでは system@mail.hellowork.mhlw.go.jp）
    public string From { get; set; } = "system@mail.hellowork.mhlw.go.jp";
    public string FromName { get; set; } = "ハローワークインターネットサービス";

    // "Smtp" か "Directory"（開発用メールボックス: .eml ファイルをフォルダーに置く）
    public string Transport { get; set; } = "Smtp";
    public string Directory { get; set; } = "App_Data/mailbox";

    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        public string? UserName { get; set; }
        public string? Password { get; set; }
        // true: 465 番なら接続時から TLS、それ以外は STARTTLS を必須にする。false: 平文（ループバックの中継用）
        public bool UseTls { get; set; } = true;
    }
}
