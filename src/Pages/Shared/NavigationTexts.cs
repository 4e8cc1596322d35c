namespace MyPage.Pages.Shared;

// ログイン後のヘッダーナビゲーションの項目（マニュアルの画面の並び順）。「求人検索」と「求職活動状況」の画面の見出しも兼ねる。
internal static class NavigationTexts
{
    public const string Label = "求職者マイページ";
    public const string Home = "ホーム";
    public const string JobSearch = "求人検索";
    public const string Activity = "求職活動状況";
    public const string Messages = "メッセージ";
    public const string Settings = "求職者情報・設定";
    public const string Logout = "ログアウト";
    public const string SkipLink = "本文へスキップ";
}
