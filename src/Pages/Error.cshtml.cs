using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyPage.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        Status = code ?? 500;
        (Heading, Message) = Status switch
        {
            404 => ("ページが見つかりません", "お探しのページは見つかりませんでした。アドレスをご確認いただくか、トップページからお進みください。"),
            400 => ("画面の有効期限が切れました", "お手数ですが、前の画面に戻ってもう一度操作してください。"),
            405 => ("この操作は受け付けられません", "お手数ですが、トップページからもう一度操作してください。"),
            _ => ("エラーが発生しました", "申し訳ございません。ただいま処理を完了できませんでした。しばらく時間をおいてから、もう一度お試しください。"),
        };
        if (code is null) Response.StatusCode = 500;
    }
}
