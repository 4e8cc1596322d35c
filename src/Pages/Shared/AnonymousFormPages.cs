using System.Collections.Concurrent;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyPage.Pages.Shared;

// 誰にでも同じ、フォームのある画面（ログインの前の S1 を、誤りも知らせもない状態で開いたとき）は、一度 Razor で描いた
// HTML を覚え、次からは CSRF のトークンだけを差し替えて配る（S1 はいちばん多く開かれる画面で、描くのが手間の半分だった）。
// 覚えるのは画面ごとに一つ。中身は設定とコードだけで決まる（求職者のこと、要求のことは入らない）ので、再起動まで変わらない。
// トークンがちょうど一度だけ現れたときだけ覚える（そうでなければ毎回描く）
internal sealed class AnonymousFormPages(IAntiforgery antiforgery)
{
    private readonly IAntiforgery antiforgery = antiforgery;

    private readonly ConcurrentDictionary<string, Rendering> renderings = new(StringComparer.Ordinal);

    private sealed record Rendering(byte[] Before, byte[] After);

    // 覚えるために Razor で描いた回数（試験が、覚えたものを配っていることを確かめる）
    public int Drawn => drawn;

    private int drawn;

    // PageResult を継ぐ: 画面の実行者がこれに描く画面 (Page) と ViewData を渡す
    public IActionResult Serve(PageModel page) => new Result(this, page.PageContext.ActionDescriptor.ViewEnginePath);

    private sealed class Result(AnonymousFormPages pages, string key) : PageResult
    {
        public override async Task ExecuteResultAsync(ActionContext context)
        {
            var http = context.HttpContext;
            var token = pages.antiforgery.GetAndStoreTokens(http).RequestToken ?? throw new InvalidOperationException("CSRF のトークンがありません");
            var tokenBytes = System.Text.Encoding.ASCII.GetBytes(token);
            if (pages.renderings.TryGetValue(key, out var known))
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                http.Response.ContentLength = known.Before.Length + tokenBytes.Length + known.After.Length;
                await http.Response.Body.WriteAsync(known.Before, http.RequestAborted);
                await http.Response.Body.WriteAsync(tokenBytes, http.RequestAborted);
                await http.Response.Body.WriteAsync(known.After, http.RequestAborted);
                return;
            }

            var body = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try
            {
                await base.ExecuteResultAsync(context);
            }
            finally
            {
                http.Response.Body = body;
            }
            Interlocked.Increment(ref pages.drawn);
            var html = buffer.ToArray();
            var at = html.AsSpan().IndexOf(tokenBytes);
            if (http.Response.StatusCode == StatusCodes.Status200OK && at >= 0 && html.AsSpan(at + tokenBytes.Length).IndexOf(tokenBytes) < 0)
                pages.renderings.TryAdd(key, new(html[..at], html[(at + tokenBytes.Length)..]));
            http.Response.ContentLength = html.Length;
            await body.WriteAsync(html, http.RequestAborted);
        }
    }
}
