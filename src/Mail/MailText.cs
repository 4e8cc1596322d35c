namespace MyPage.Mail;

// すべてのメールに共通の書き出しと結び（送信専用のアドレスであること）
public static class MailText
{
    public const string Greeting = "ハローワークインターネットサービスです。";
    public const string Footer = """
        ※このメールは送信専用のアドレスから送っています。返信はできません。
        ハローワークインターネットサービス
        """;

    public static string Compose(string body) => $"{Greeting}\n\n{body.Trim()}\n\n{Footer}\n";
}
