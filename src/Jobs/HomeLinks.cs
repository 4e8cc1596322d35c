namespace MyPage.Jobs;

// ホームから外へのリンク（MyPage:Links）: 「職業訓練検索」「イベント情報検索」
internal sealed class HomeLinks
{
    public string TrainingSearch { get; set; } = "https://www.hellowork.mhlw.go.jp/";
    public string EventSearch { get; set; } = "https://www.hellowork.mhlw.go.jp/";
}
