using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace MyPage.Pages.Shared;

// ヘッダーナビゲーションのどの項目の下の画面か（_SeekerNav が aria-current を付ける）
internal enum NavSection { None, Home, Search, Activity, Messages, Settings }

// 画面からレイアウトへ渡す値。ViewData の鍵を画面ごとに文字列で書かない（書き違いはビルドの誤り）
internal static class LayoutData
{
    private const string NavKey = "Nav";
    private const string EntryKey = "Entry";

    extension(ViewDataDictionary data)
    {
        public NavSection Nav
        {
            get => data[NavKey] as NavSection? ?? NavSection.None;
            set => data[NavKey] = value;
        }

        // 入口の画面: スタイルを HTML に書き、外のスタイルシートを待たずに往復一回で描く
        public bool Entry
        {
            get => data[EntryKey] is true;
            set => data[EntryKey] = value;
        }
    }
}
