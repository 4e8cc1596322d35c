using MyPage.Data;

namespace MyPage.Pages.Shared;

// 求人票のカード (_JobCard)。Links: 「この求人に関するメッセージを表示」「詳細を表示」を付ける。
// Related: 本人にかかわる求人（リクエスト、応募、メッセージ）。事業所名は、公開範囲 1 か、本人にかかわる求人のときだけ見せる
// （既定は伏せる側: 公開範囲 2「事業所名等を含まない」の求人を、画面が言い忘れて見せることはない）。
// HeadingLevel: 職種の見出しの段（一覧や詳細では h1 のすぐ下の 2、ホームの節の中では 3）。
internal sealed record JobCard(JobPosting Job, DateOnly Today, bool Links, bool Related = false, int HeadingLevel = 2)
{
    public bool ShowsCompany => Related || Job.ShowsCompany;
}
