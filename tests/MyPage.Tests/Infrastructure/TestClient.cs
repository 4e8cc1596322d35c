namespace MyPage.Tests.Infrastructure;

// テストごとの接続元のアドレス。サイトを共有するテストが、接続元ごとの数（上限、失敗の数、人の確認）で
// 互いに邪魔をしないように、HttpClient とブラウザは X-Forwarded-For でこのアドレスを名乗る
// （テストのサイトはループバックのプロキシを信頼する: 既定の MyPage:TrustLoopbackProxy）。
public static class TestClient
{
    private static readonly AsyncLocal<string?> Current = new();
    private static int next;

    // このテストの接続元（なければ null: 127.0.0.1 のまま）
    public static string? Address => Current.Value;

    // テストクラスのコンストラクターで呼ぶ（テストと同じ非同期の流れに入る）。198.18.0.0/15 はベンチマーク用の範囲
    public static string UseNew()
    {
        var n = Interlocked.Increment(ref next);
        var address = $"198.18.{n / 250 % 250}.{n % 250 + 1}";
        Current.Value = address;
        return address;
    }

    public sealed class Handler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly string? address = Address;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (address is not null && !request.Headers.Contains("X-Forwarded-For")) request.Headers.Add("X-Forwarded-For", address);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
