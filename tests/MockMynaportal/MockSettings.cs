namespace MockMynaportal;

/// <summary>The <c>MockMynaportal</c> configuration section (env vars: <c>MockMynaportal__MyPageUrl</c> etc.).</summary>
public class MockSettings
{
    public const string Section = "MockMynaportal";

    /// <summary>My Page's base URL, e.g. <c>https://localhost:5443</c>. Required.</summary>
    public string MyPageUrl { get; set; } = "";

    public string ClientId { get; set; } = "mypage";

    public string ClientSecret { get; set; } = "mypage-dev-secret";

    /// <summary>SQLite file; a relative path is relative to the content root.</summary>
    public string Database { get; set; } = "App_Data/mock-mynaportal.db";

    /// <summary>When true, issued identity tokens carry a nonce other than the one the client sent.</summary>
    public bool TamperNonce { get; set; }

    public string MyPageBase => MyPageUrl.TrimEnd('/');

    public Uri RedirectUri => new($"{MyPageBase}/signin-mynaportal");

    public Uri PostLogoutRedirectUri => new($"{MyPageBase}/");

    public string DatabasePath(string contentRoot) => Path.GetFullPath(Database, contentRoot);

    public static bool IsValid(MockSettings settings) =>
        Uri.TryCreate(settings.MyPageUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrWhiteSpace(settings.ClientId)
        && !string.IsNullOrWhiteSpace(settings.ClientSecret)
        && !string.IsNullOrWhiteSpace(settings.Database);
}
