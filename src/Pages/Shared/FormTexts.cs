using System.Text.Json;

namespace MyPage.Pages.Shared;

// htmx で送るフォームの待ちと失敗の文言（wwwroot/js/forms.js が <meta name="mypage-form-texts"> から読む）
internal static class FormTexts
{
    public const string ErrorPrefix = "エラー：";
    public const string Sending = "送信しています…";
    public const string Offline = "通信できませんでした。接続を確認して、もう一度お試しください。";
    public const string Timeout = "時間内に応答がありませんでした。接続を確認して、もう一度お試しください。";
    public const string Server = "エラーが発生しました。しばらく時間をおいてから、もう一度お試しください。";
    public const string TooMany = "短い時間に送信が多すぎました。{0}秒ほど待ってから、もう一度お試しください。";

    private static readonly JsonSerializerOptions Utf8 = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly string Json = JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["errorPrefix"] = ErrorPrefix,
        ["sending"] = Sending,
        ["offline"] = Offline,
        ["timeout"] = Timeout,
        ["server"] = Server,
        ["tooMany"] = TooMany,
    }, Utf8);
}
