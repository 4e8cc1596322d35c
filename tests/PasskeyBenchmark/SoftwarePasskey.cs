using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PasskeyBenchmark;

// HttpClient で使うパスキー: P-256 の鍵を持つ認証器の代わりに、ブラウザが送るのと同じ JSON を作る
// （登録は attestation "none"、ログインは署名）。サイトの側は本物の確かめ（Identity）を通る。
// パスキーのベンチマークがログインに使い、テスト (MyPage.Tests/Passkeys/PasskeyTests) が壊れた答え（ほかの RP ID、
// 同じ答えの送り直し）を作るのに使う。ブラウザでの確かめは Chromium の仮想の認証器 (VirtualAuthenticator)
// site: サイトの公開の URL（RP ID はその名前、オリジンはその scheme://host:port）。
// counts: false なら署名の回数を数えない（いつも 0: 端末の間で同期するパスキーの多くはそうする）
public sealed class SoftwarePasskey(Uri site, bool counts = true) : IDisposable
{
    private static readonly string[] Internal = ["internal"];
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private uint signCount;

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);
    public string Id => Base64Url.EncodeToString(CredentialId);
    private string? userHandle;

    private readonly string rpId = site.Host;
    private readonly string origin = site.GetLeftPart(UriPartial.Authority);

    // サイトの作成の選択肢 (PublicKeyCredentialCreationOptionsJSON) に答える
    public string Register(string creationOptionsJson)
    {
        var options = JsonNode.Parse(creationOptionsJson)!;
        userHandle = options["user"]!["id"]!.GetValue<string>();
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>());
        var parameters = key.ExportParameters(false);
        // COSE の鍵 {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}
        byte[] cose = [0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20, .. parameters.Q.X!, 0x22, 0x58, 0x20, .. parameters.Q.Y!];
        // 旗: UP (0x01)、UV (0x04)、AT (0x40)。長さは 256 バイト未満（CBOR の一バイトの長さ）
        byte[] authData = [.. RpIdHash(rpId), 0x45, .. Counter(signCount), .. new byte[16], (byte)(CredentialId.Length >> 8), (byte)CredentialId.Length, .. CredentialId, .. cose];
        // {"fmt": "none", "attStmt": {}, "authData": authData}
        byte[] attestation = [0xA3, 0x63, .. "fmt"u8, 0x64, .. "none"u8, 0x67, .. "attStmt"u8, 0xA0, 0x68, .. "authData"u8, 0x58, (byte)authData.Length, .. authData];
        return JsonSerializer.Serialize(new
        {
            id = Id,
            rawId = Id,
            type = "public-key",
            response = new { clientDataJSON = Base64Url.EncodeToString(clientData), attestationObject = Base64Url.EncodeToString(attestation), transports = Internal },
            clientExtensionResults = new { },
        });
    }

    // サイトの要求の選択肢 (PublicKeyCredentialRequestOptionsJSON) に答える。forRpId: 署名に入れる RP ID（既定はこのサイトのもの）
    public string Assert(string requestOptionsJson, string? forRpId = null)
    {
        var options = JsonNode.Parse(requestOptionsJson)!;
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>());
        byte[] authData = [.. RpIdHash(forRpId ?? rpId), 0x05, .. Counter(counts ? ++signCount : 0)];
        var signature = key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return JsonSerializer.Serialize(new
        {
            id = Id,
            rawId = Id,
            type = "public-key",
            response = new
            {
                clientDataJSON = Base64Url.EncodeToString(clientData),
                authenticatorData = Base64Url.EncodeToString(authData),
                signature = Base64Url.EncodeToString(signature),
                userHandle = userHandle ?? throw new InvalidOperationException("登録していないパスキーです"),
            },
            clientExtensionResults = new { },
        });
    }

    private byte[] ClientData(string type, string challenge)
        => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type, challenge, origin, crossOrigin = false }));

    private static byte[] RpIdHash(string id) => SHA256.HashData(Encoding.UTF8.GetBytes(id));

    private static byte[] Counter(uint count) => [(byte)(count >> 24), (byte)(count >> 16), (byte)(count >> 8), (byte)count];

    public void Dispose() => key.Dispose();
}
