using System.Text.RegularExpressions;
using MimeKit;

namespace MyPage.Tests.Infrastructure;

public static partial class Mails
{
    [GeneratedRegex("認証キー：([0-9]{8})")]
    private static partial Regex KeyPattern();

    // 「パスワード再登録申込受付通知」に書かれた認証キー
    public static string Key(MimeMessage message)
        => KeyPattern().Match(message.TextBody ?? "") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("認証キーがありません: " + message.TextBody);
}
