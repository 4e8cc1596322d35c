namespace MyPage.Pages.Session;

// 自動ログアウトの知らせの文言
internal static class SessionTexts
{
    public const string Extend = "ログイン時間を延長する";
    public static string Extended(string until) => $"ログイン時間を延長しました。{until}まで操作がなくてもログインしたままです。";
    public static string Warning(string at) => $"操作がないため、{at}に自動的にログアウトします。";
    public const string WarningAction = "続けて利用する場合は「ログイン時間を延長する」ボタンを押してください。";
    public const string LifetimeEnds = "ログインしてから決まった時間がたつため、延長はできません。続けて利用する場合は、もう一度ログインしてください。";
    public static string IdleNote(int minutes) => $"{minutes}分程度操作がないと、自動的にログアウトします。";
}
