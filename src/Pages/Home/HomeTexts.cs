namespace MyPage.Pages.Home;

// S5「求職者マイページホーム」と、そこから開く一覧の文言（マニュアルの画面のとおり）
internal static class HomeTexts
{
    public const string Title = "求職者マイページホーム";
    public const string PreviousLogin = "前回のログイン日時：";
    public const string FirstLogin = "今回が初めてのログインです";
    public const string Requests = "求人者からのリクエスト求人";
    public static string RequestCount(int total) => $"全{total}件中最新の求人を表示しています。";
    public const string AllRequests = "求人者からのリクエスト求人を全て表示";
    public const string Applications = "応募中の求人";
    public const string AllApplications = "応募中の求人を全て表示";
    public const string SavedSearches = "保存した求人検索条件";
    // 「求人検索」の画面と同じことを言う: 条件の保存は、いまは窓口で職員がする
    public const string NoSavedSearches = "保存した求人検索条件は、まだありません。ハローワークの窓口で条件をお伝えいただくと、職員が保存し、ここからすぐに検索できます。";
    public const string Search = "検索";
    public const string BackToHome = "求職者マイページホームへ戻る";
    public const string Guide = "ハローワークをご利用にあたってのご案内";
    public const string Status = "求職の状況";
    public const string Outside = "求職者マイページ外へリンクします。";
    public const string TrainingSearch = "職業訓練検索";
    public const string EventSearch = "イベント情報検索";

    public static string SeekerNumberQr(string number) => $"求職番号 {number} の2次元バーコード";
    public static string PageTitle(string title, int page) => page > 1 ? $"{title}（{page}ページ目）" : title;
}
