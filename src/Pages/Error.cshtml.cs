using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Abuse;
using MyPage.Pages.Shared;
using MyPage.Security;
using MyPage.Sessions;

namespace MyPage.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    // 期限切れ (400) のとき、戻る先の入力の画面（このサイトのパスだけ）
    public string? Back { get; private set; }

    public void OnGet(int? code, string? back) => Describe(code, back);
    public void OnPost(int? code, string? back) => Describe(code, back);

    // 番号は、差し戻された元の要求の番号から（フォームが読めない要求でも、ルートの値の結び付けに頼らない）
    private void Describe(int? code, string? back)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Status = reExecuted?.OriginalStatusCode ?? code ?? 500;
        var reason = RequestGuards.ReasonOf(HttpContext);
        (Heading, Message) = (Status, reason) switch
        {
            (404, _) => (Site.NotFoundTitle, Site.NotFound),
            (400, RequestGuards.HttpsRequired) => (Site.HttpsRequiredTitle, Site.HttpsRequired),
            (400 or 413, RequestGuards.Unreadable) or (413, _) => (Site.UnreadableTitle, Site.Unreadable),
            (400, _) => (Site.ExpiredTitle, Site.Expired),
            (405, _) => (Site.NotAllowedTitle, Site.NotAllowed),
            (429, _) => (Site.TooManyTitle, Site.TooMany(RateLimits.RetryAfterOf(HttpContext) ?? 60)),
            _ => (Site.ErrorTitle, Site.Error),
        };
        if (reExecuted is null && code is null) Response.StatusCode = 500;
        // htmx の送信が期限切れ (CSRF) や読めない本文で断られた: フォームの中では直せないので、JavaScript なしと同じこの画面へ移す
        // 期限切れ: 送った画面へ戻る道を出す（JavaScript なしでは差し戻された元のパス、htmx では移った先の ?back=）
        if (Heading == Site.ExpiredTitle) Back = LocalPage(reExecuted?.OriginalPath ?? back);
        if (Request.IsHtmx() && Status is 400 or 413) Response.Headers["HX-Redirect"] = Url.Page("/Error", new { code = Status, back = Back });
        // 送信が多すぎる (429): 待つ秒数を、再実行で消えないようにもう一度付ける（htmx はフォームの中に出す）
        if (Status == 429 && RateLimits.RetryAfterOf(HttpContext) is { } seconds)
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // このサイトの画面のパスだけ: ログインの戻り先と同じ規則 (ReturnUrls.IsPage) に、短さと、エラーの画面そのものでないこと
    private string? LocalPage(string? path)
        => path is { Length: > 1 and <= 200 } && ReturnUrls.IsPage(path) && Url.IsLocalUrl(path)
           && !path.StartsWith("/Error", StringComparison.OrdinalIgnoreCase)
            ? path : null;
}
