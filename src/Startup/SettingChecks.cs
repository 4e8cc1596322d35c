using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MyPage.Startup;

// 設定の確かめ方。各部品は自分の設定を AddX() で登録するときに、ここの Refuse で規則を足す（ValidateOnStart）。
// Program は要求を受ける前（データベースにさわる前）にすべてを確かめ、誤りを一つずつ一行（日本語と英語、設定の名前と値）で
// 書いて、終了コード 1 で止まる。起動して「準備できた」と言ってから、どの画面も 500 になることがないように。
internal static partial class SettingChecks
{
    // 規則: wrong が真なら、line の一行で断る。line は Line(...) で作る
    public static OptionsBuilder<T> Refuse<T>(this OptionsBuilder<T> options, Func<T, bool> wrong, Func<T, string> line) where T : class
    {
        options.Services.AddSingleton<IValidateOptions<T>>(new Rule<T>(options.Name, wrong, line));
        return options;
    }

    // 名前の変わった設定: 前の名前 (oldKey) に値があれば、どの名前に変わったかを一行で言って止まる（黙って無視して、
    // 運用者の決めた値が既定の値にすり替わることがないように）。新しい名前を持つ部品が、自分の設定に足す
    public static OptionsBuilder<T> Moved<T>(this OptionsBuilder<T> options, string oldKey, string newKey) where T : class
    {
        options.Services.AddSingleton<IValidateOptions<T>>(services => new Rule<T>(options.Name,
            _ => services.GetRequiredService<IConfiguration>()[oldKey] is not null,
            _ => Line(oldKey, services.GetRequiredService<IConfiguration>()[oldKey], $"この設定は {newKey} に変わりました。そちらに書いてください。", $"renamed: set {newKey} instead.")));
        return options;
    }

    // 「設定 KEY の値「VALUE」は使えません。RULE / KEY="VALUE": RULE」。パスワードや秘密の値は書かない
    public static string Line(string key, object? value, string japanese, string english)
    {
        var shown = Shown(key, value);
        return $"設定 {key} の値「{shown}」は使えません。{japanese} / {key}=\"{shown}\": {english}";
    }

    // https の URL か、ループバック（同じマシン）への http の URL
    public static bool IsHttpsOrLoopback(string? value)
        => Uri.TryCreate(value, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));

    // localhost か、ループバックの IP アドレス
    public static bool IsLoopbackHost(string host)
        => host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));

    // 要求を受ける前に、ValidateOnStart の規則をすべて確かめる（誤りは OptionsValidationException、値が読めなければ
    // InvalidOperationException: どちらも Program が一行ずつにする）。いくつもの部品の設定が誤っていれば、その全部を一つに
    public static void CheckNow(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (AggregateException all) when (all.InnerExceptions.All(e => e is OptionsValidationException))
        {
            throw new OptionsValidationException(string.Empty, typeof(object), all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        }
    }

    // 型に合わない値（"30min" の TimeSpan、"abc" のポートなど）: 設定の束ね (ConfigurationBinder) の例外を一行に。
    // その例外でなければ null
    public static string? Unreadable(Exception problem, IConfiguration config)
    {
        for (var e = problem; e is not null; e = e.InnerException)
        {
            if (e is not InvalidOperationException || BindingFailure().Match(e.Message) is not { Success: true } match) continue;
            var key = match.Groups["key"].Value;
            var type = Type.GetType(match.Groups["type"].Value);
            var (ja, en) = Expected(type);
            return Line(key, config[key], $"{ja}で書いてください。", $"must be {en}.");
        }
        return null;
    }

    private static (string Japanese, string English) Expected(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(TimeSpan)) return ("時間の長さ（例 00:30:00 は30分）", "a duration such as 00:30:00");
        if (type == typeof(bool)) return ("true か false", "true or false");
        if (type == typeof(int) || type == typeof(long)) return ("整数", "a whole number");
        if (type == typeof(double)) return ("数（例 0.5）", "a number such as 0.5");
        if (type == typeof(Uri)) return ("URL（例 https://example.jp/）", "a URL such as https://example.jp/");
        if (type is { IsEnum: true }) return (string.Join(" か ", Enum.GetNames(type)), "one of " + string.Join(", ", Enum.GetNames(type)));
        return ("正しい形", "in the right form");
    }

    private static string Shown(string key, object? value)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        if (name.EndsWith("Password", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Secret", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("SecretKey", StringComparison.OrdinalIgnoreCase)) return "***";
        return value switch
        {
            null => "",
            TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    // Microsoft.Extensions.Configuration.Binder の文言: "Failed to convert configuration value 'VALUE' at 'KEY' to type 'TYPE'."
    // （値のない版もある）。値は書き直さずに設定から読む
    [GeneratedRegex(@"configuration value (?:'.*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BindingFailure();

    private sealed class Rule<T>(string? name, Func<T, bool> wrong, Func<T, string> line) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
            => name is not null && name != optionsName ? ValidateOptionsResult.Skip
                : wrong(options) ? ValidateOptionsResult.Fail(line(options)) : ValidateOptionsResult.Success;
    }
}
