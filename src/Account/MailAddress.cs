using MimeKit;

namespace MyPage.Account;

// ID(メールアドレス)として受け付ける形かどうか。正規化した値を調べる。S1、S2、仮登録、職員のコマンドで同じ一つの規則。
// メールを送る MailKit が、入力そのままの文字列に読み戻せるものだけを受け付ける（受け付けたのに送れないアドレスを作らない）。
internal static class MailAddress
{
    public static bool IsValid(string normalized)
    {
        if (normalized.Length is 0 or > LoginId.MaxLength) return false;
        if (normalized.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '\u007e')) return false;
        var at = normalized.IndexOf('@');
        if (at <= 0 || at != normalized.LastIndexOf('@') || at == normalized.Length - 1) return false;
        var domain = normalized[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..")) return false;
        return MailboxAddress.TryParse(ParserOptions.Default, normalized, out var mailbox)
            && string.IsNullOrEmpty(mailbox.Name)
            && mailbox.Route.Count == 0
            && mailbox.Address == normalized;
    }
}
