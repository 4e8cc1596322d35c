namespace MyPage.Pages.Settings;

// 「求職者情報・設定」と「退会」の文言
public static class SettingsTexts
{
    public const string Title = "求職者情報・設定";
    public const string LinkStatusLabel = "連携状況";
    public const string NotLinked = "連携していません";
    public static string LinkedSince(string japanTime) => $"連携済み（{japanTime}から）";

    public const string WithdrawTitle = "退会";
    public const string WithdrawButton = "退会する";
    public const string WithdrawPasswordLabel = "パスワード";
    public const string WithdrawPasswordHint = "確認のため、いまのパスワードを入力してください。";
    public const string WrongPassword = "パスワードが正しくありません。";
    public const string WithdrawnTitle = "退会しました";
}
