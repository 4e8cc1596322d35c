using System.Text.RegularExpressions;
using MimeKit;

namespace MyPage.Tests.Infrastructure;

public static partial class Mails
{
    [GeneratedRegex("認証キー：([0-9]{8})")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("ワンタイムパスワード：([0-9]{6})")]
    private static partial Regex CodePattern();

    // 「ワンタイムパスワードのお知らせ」に書かれたワンタイムパスワード
    public static string Code(MimeMessage message)
        => CodePattern().Match(message.TextBody ?? "") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("ワンタイムパスワードがありません: " + message.TextBody);

    [GeneratedRegex(@"https://\S+/Register/Complete\?token=\S+")]
    private static partial Regex RegisterUrlPattern();

    // 「求職者マイページ仮登録受付通知」に書かれた本登録の URL
    public static string RegisterUrl(MimeMessage message)
        => RegisterUrlPattern().Match(message.TextBody ?? "") is { Success: true } m ? m.Value : throw new InvalidOperationException("本登録の URL がありません: " + message.TextBody);

    // 本登録の URL（パスとクエリ）に入っている鍵
    public static string RegisterToken(string pathAndQuery)
        => System.Web.HttpUtility.ParseQueryString(new Uri("https://x" + pathAndQuery).Query)["token"]!;

    // 「パスワード再登録申込受付通知」に書かれた認証キー
    public static string Key(MimeMessage message)
        => KeyPattern().Match(message.TextBody ?? "") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("認証キーがありません: " + message.TextBody);
}
