namespace MyPage.Abuse;

internal enum BotCheckOutcome { Passed, Missing, Failed, Unavailable }

// 画面に出す確認の部品: ProofOfWork は署名した問題 (Challenge)、ReCaptcha はサイトキーとスクリプトの URL
internal sealed record BotCheckWidget(BotCheckProvider Provider, string Action, string? Challenge = null, string? SiteKey = null, Uri? ScriptUrl = null);

// 人の操作かを確かめる（MyPage:BotCheck:Provider で選ぶ）
internal interface IBotCheck
{
    BotCheckProvider Provider { get; }

    // action: どのフォームか (login, reset)。ReCaptcha はトークンの action と、ProofOfWork は問題と結びつける。
    // ProofOfWork の問題は、この接続元にだけ通る（ほかの接続元で取った問題の答えは通らない）
    Task<BotCheckWidget> WidgetAsync(HttpContext http, string action, CancellationToken ct = default);

    // response: フォームの BotCheck 欄。確かめられなければ Passed 以外（例外は投げない）
    Task<BotCheckOutcome> VerifyAsync(HttpContext http, string? response, string action, CancellationToken ct = default);
}

// 確認を使わない（開発で ProofOfWork も止めたいとき）。いつでも通す
internal sealed class NoBotCheck : IBotCheck
{
    public BotCheckProvider Provider => BotCheckProvider.None;
    public Task<BotCheckWidget> WidgetAsync(HttpContext http, string action, CancellationToken ct = default) => Task.FromResult(new BotCheckWidget(BotCheckProvider.None, action));
    public Task<BotCheckOutcome> VerifyAsync(HttpContext http, string? response, string action, CancellationToken ct = default)
        => Task.FromResult(BotCheckOutcome.Passed);
}
