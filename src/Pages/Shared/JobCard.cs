using MyPage.Data;

namespace MyPage.Pages.Shared;

// 求人票のカード (_JobCard)。Links: 「この求人に関するメッセージを表示」「詳細を表示」を付ける。
// ShowsCompany: false なら事業所名を伏せる（公開範囲 2「事業所名等を含まない」）。
// HeadingLevel: 職種の見出しの段（一覧や詳細では h1 のすぐ下の 2、ホームの節の中では 3）。
public sealed record JobCard(JobPosting Job, DateOnly Today, bool Links, bool ShowsCompany = true, int HeadingLevel = 2);
