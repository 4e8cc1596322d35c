namespace MyPage.Pages.Shared;

// MyPage:Pages の設定
internal sealed class PageOptions
{
    public const string Section = "MyPage:Pages";

    // htmx の送信がこの時間で返らなければ、あきらめてフォームに知らせる（ボタンが押せないままにならないように）
    public TimeSpan HtmxTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
