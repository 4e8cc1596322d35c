using Microsoft.Playwright;

namespace MyPage.Tests.Infrastructure;

// Chromium の仮想の認証器（DevTools の WebAuthn）: 端末に組み込まれた (internal) CTAP2 の認証器で、パスキーを端末に残し (resident key)、
// 本人確認 (user verification) は通ったことにする。ブラウザの確認の画面は出ず、すぐに答える
public sealed class VirtualAuthenticator
{
    private readonly ICDPSession session;
    private readonly string id;

    private VirtualAuthenticator(ICDPSession session, string id) => (this.session, this.id) = (session, id);

    public static async Task<VirtualAuthenticator> AddAsync(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("WebAuthn.enable");
        var added = await session.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new(session, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    // 本人がすぐに答えるか。false の間は、ID の欄の自動入力 (conditional mediation) にもパスキーを渡さない
    // （true なら、フォームにふれただけで自動入力のパスキーが選ばれてログインする）
    public Task AnswersAsync(bool enabled)
        => session.SendAsync("WebAuthn.setAutomaticPresenceSimulation", new Dictionary<string, object> { ["authenticatorId"] = id, ["enabled"] = enabled });

    // 認証器のパスキーをすべて消す（「この端末にパスキーがない」）
    public Task ClearAsync()
        => session.SendAsync("WebAuthn.clearCredentials", new Dictionary<string, object> { ["authenticatorId"] = id });

    // 認証器にあるパスキーの数（サイトで削除しても、端末のパスキーは残る）
    public async Task<int> CredentialCountAsync()
    {
        var result = await session.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = id });
        return result!.Value.GetProperty("credentials").GetArrayLength();
    }
}
