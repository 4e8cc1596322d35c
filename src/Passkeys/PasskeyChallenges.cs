using System.Buffers.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace MyPage.Passkeys;

internal enum PasskeyStep { Attestation, Assertion }

// パスキーの問題（challenge）。SignInManager が出した問題の状態は、このブラウザだけの短い Cookie (__Host-mypage-passkey、
// Data Protection で保護、5分で切れる) にあり、答えを調べるときに消える。答えを調べる前に、その Cookie がまだあって、
// この一歩の問題か（登録とログインを取り違えていないか）を確かめる: なければ、SignInManager は例外を投げる（500 にしない）
internal static class PasskeyChallenges
{
    // 問題を出してから答えるまで（Cookie の期限、ブラウザに伝える待ち時間）
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public const string CookieName = "__Host-mypage-passkey";

    // SignInManager が問題の状態の Cookie に入れる項目の名前と値（ASP.NET Core 10 の SignInManager と同じ）
    private const string OperationItem = "PasskeyOperation";

    // 答え（ブラウザが返す JSON）の大きさの上限。ふつうは 1〜2 KB（登録の証明書付きでも数 KB）
    public const int MaxCredentialJson = 64 * 1024;

    public static async Task<bool> IsOutstandingAsync(HttpContext http, PasskeyStep step)
    {
        var state = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return state.Succeeded && state.Properties.Items.TryGetValue(OperationItem, out var operation) && operation == step.ToString();
    }

    // 答えの clientDataJSON にある問題（base64url）。SignInManager が、出した問題と同じことを確かめたあとに読む
    public static string? ChallengeOf(string credentialJson)
    {
        try
        {
            using var credential = JsonDocument.Parse(credentialJson);
            var encoded = credential.RootElement.GetProperty("response").GetProperty("clientDataJSON").GetString();
            if (encoded is null) return null;
            using var clientData = JsonDocument.Parse(Base64Url.DecodeFromChars(encoded));
            return clientData.RootElement.GetProperty("challenge").GetString();
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
