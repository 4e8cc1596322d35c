using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MyPage.Registration;

// 本登録で求職者が入力する基本情報。全角・半角は日本の利用者が思うとおりに扱う:
// 郵便番号と電話番号は全角の数字やハイフンも受け付けて半角にそろえ、フリガナはひらがなや半角カナもカタカナにする。
internal sealed partial class SeekerDetails
{
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyNameKana { get; set; }
    public string? GivenNameKana { get; set; }
    public string? BirthYear { get; set; }
    public string? BirthMonth { get; set; }
    public string? BirthDay { get; set; }
    public string? PostalCode { get; set; }
    public string? Prefecture { get; set; }
    public string? Phone { get; set; }

    public const int NameMaxLength = 20;
    public const int MinimumAge = 15;

    // 入力欄の id → 日本語のメッセージ。正しければ空で、値は正規化される。
    public Dictionary<string, string> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        FamilyName = Name(FamilyName, "family-name", "氏名（姓）", errors);
        GivenName = Name(GivenName, "given-name", "氏名（名）", errors);
        FamilyNameKana = Kana(FamilyNameKana, "family-name-kana", "フリガナ（セイ）", errors);
        GivenNameKana = Kana(GivenNameKana, "given-name-kana", "フリガナ（メイ）", errors);
        if (Birth(today, errors) is { } birth) BirthDate = birth;
        PostalCode = Postal(PostalCode, errors);
        if (string.IsNullOrEmpty(Prefecture)) errors["prefecture"] = "都道府県を選んでください。";
        else if (!Prefectures.All.Contains(Prefecture)) errors["prefecture"] = "都道府県を一覧から選んでください。";
        Phone = PhoneNumber(Phone, errors);
        return errors;
    }

    public DateOnly? BirthDate { get; private set; }

    private static string? Name(string? raw, string id, string label, Dictionary<string, string> errors)
    {
        var value = Clean(raw);
        if (value.Length == 0) errors[id] = $"{label}を入力してください。";
        else if (value.Length > NameMaxLength) errors[id] = $"{label}は{NameMaxLength}文字以内で入力してください。";
        else if (value.Any(char.IsControl)) errors[id] = $"{label}に使えない文字が含まれています。";
        return value;
    }

    private static string? Kana(string? raw, string id, string label, Dictionary<string, string> errors)
    {
        // NFKC で半角カナを全角に、ひらがなはカタカナにする
        var value = ToKatakana(Clean(raw).Normalize(NormalizationForm.FormKC)).Replace(" ", "").Replace("\u3000", "");
        if (value.Length == 0) errors[id] = $"{label}を入力してください。";
        else if (value.Length > NameMaxLength * 2) errors[id] = $"{label}は{NameMaxLength * 2}文字以内で入力してください。";
        else if (!KatakanaOnly().IsMatch(value)) errors[id] = $"{label}はカタカナで入力してください。";
        return value;
    }

    private DateOnly? Birth(DateOnly today, Dictionary<string, string> errors)
    {
        var parts = new[] { BirthYear, BirthMonth, BirthDay }.Select(p => Clean(p).Normalize(NormalizationForm.FormKC)).ToArray();
        if (parts.All(p => p.Length == 0)) { errors["birth-year"] = "生年月日を入力してください。"; return null; }
        // 年・月・日はそれぞれに確かめ、誤った欄をすべて言う（最初の一つだけを言うと、直して送るたびに次の誤りが出る）
        static int? Number(string text, int min, int max)
            => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;
        var year = parts[0].Length == 4 ? Number(parts[0], 1, 9999) : null;
        var month = Number(parts[1], 1, 12);
        var day = Number(parts[2], 1, 31);
        if (year is null) errors["birth-year"] = "生年月日の年は西暦4桁の数字で入力してください（例：1990）。";
        if (month is null) errors["birth-month"] = "生年月日の月は1から12の数字で入力してください。";
        if (day is null) errors["birth-day"] = "生年月日の日は1から31の数字で入力してください。";
        if (year is not { } y || month is not { } m || day is not { } d) return null;
        if (d > DateTime.DaysInMonth(y, m)) { errors["birth-day"] = "生年月日の日が正しくありません。"; return null; }
        var date = new DateOnly(y, m, d);
        if (date > today.AddYears(-MinimumAge)) { errors["birth-year"] = $"求職者マイページは{MinimumAge}歳以上の方がご利用いただけます。生年月日をご確認ください。"; return null; }
        if (date < today.AddYears(-120)) { errors["birth-year"] = "生年月日の年が正しくありません。"; return null; }
        (BirthYear, BirthMonth, BirthDay) = (parts[0], parts[1], parts[2]);
        return date;
    }

    private static string? Postal(string? raw, Dictionary<string, string> errors)
    {
        var digits = Digits(raw, out var other);
        if (digits.Length == 0 && !other) { errors["postal-code"] = "郵便番号を入力してください。"; return raw; }
        if (other || digits.Length != 7) { errors["postal-code"] = "郵便番号は7桁の数字で入力してください（例：102-8306）。"; return raw; }
        return $"{digits[..3]}-{digits[3..]}";
    }

    private static string? PhoneNumber(string? raw, Dictionary<string, string> errors)
    {
        var digits = Digits(raw, out var other);
        if (digits.Length == 0 && !other) { errors["phone"] = "電話番号を入力してください。"; return raw; }
        if (other || digits.Length is < 10 or > 11 || digits[0] != '0') { errors["phone"] = "電話番号は0から始まる10桁または11桁の数字で入力してください（例：03-1234-5678）。"; return raw; }
        return digits;
    }

    // 全角の数字、ハイフン、空白を許して数字だけを取り出す
    private static string Digits(string? raw, out bool other)
    {
        other = false;
        var digits = new StringBuilder();
        foreach (var c in Clean(raw).Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is '-' or ' ' or '\u2010' or '\u2212' or '\u30fc' or '\u2015' or '(' or ')') continue;
            else other = true;
        }
        return digits.ToString();
    }

    private static string Clean(string? raw) => (raw ?? "").Trim().Trim('\u3000');

    private static string ToKatakana(string value)
        => string.Concat(value.Select(c => c is >= '\u3041' and <= '\u3096' ? (char)(c + 0x60) : c));

    [GeneratedRegex(@"^[\u30A1-\u30FA\u30FC\u30FB]+$")]
    private static partial Regex KatakanaOnly();
}
