namespace MyPage.Mail;

// すべてのメールに共通の書き出しと結び（送信専用のアドレスであること）
internal static class MailText
{
    public const string Greeting = "ハローワークインターネットサービスです。";
    public const string Footer = """
        ※このメールは送信専用のアドレスから送っています。返信はできません。
        ハローワークインターネットサービス
        """;

    // 本文の中で秘密（認証キー、本登録の URL）が入る所の印。送るときにだけ中身に置き換える
    public const string Secret = "{{secret}}";

    public static string Compose(string body) => $"{Greeting}\n\n{body.Trim()}\n\n{Footer}\n";
}
