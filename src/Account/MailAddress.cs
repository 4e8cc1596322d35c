namespace MyPage.Account;

// ID(メールアドレス)として受け付ける形かどうか。正規化した値を調べる。
public static class MailAddress
{
    public static bool IsValid(string normalized)
    {
        if (normalized.Length is 0 or > LoginId.MaxLength) return false;
        if (normalized.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '\u007e')) return false;
        var at = normalized.IndexOf('@');
        if (at <= 0 || at != normalized.LastIndexOf('@') || at == normalized.Length - 1) return false;
        var domain = normalized[(at + 1)..];
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..");
    }
}
