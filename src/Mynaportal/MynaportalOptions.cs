namespace MyPage.Mynaportal;

// MyPage:Mynaportal の設定。Authority がなければマイナポータル連携は使えない（画面はそう案内する）。
internal sealed class MynaportalOptions
{
    public const string Section = "MyPage:Mynaportal";
    public const string Scheme = "Mynaportal";
    public const string CallbackPath = "/signin-mynaportal";

    // OpenID Connect の発行者 (issuer) の URL。http はループバックのときだけ許す
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    // 利用者に案内するマイナポータルの入口（なければ Authority）
    public string? PortalUrl { get; set; }

    // Development で `dotnet run` のときに模擬マイナポータルも起動する
    public DevelopmentMockOptions DevelopmentMock { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    public string? Portal => string.IsNullOrWhiteSpace(PortalUrl) ? Authority : PortalUrl;

    public sealed class DevelopmentMockOptions
    {
        public bool Enabled { get; set; }
        public string Project { get; set; } = "tests/MockMynaportal/MockMynaportal.csproj";
        public string Urls { get; set; } = "http://127.0.0.1:5090";
        public string MyPageUrl { get; set; } = "https://localhost:5443";
    }

    // 発行者の比較: 末尾の / の有無は同じとみなす
    public static bool SameIssuer(string? a, string? b)
        => a is not null && b is not null && string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);
}
