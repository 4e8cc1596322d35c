using Microsoft.AspNetCore.Identity;
using MyPage.Data;

namespace MyPage.Account;

// マニュアルのパスワード規則: 半角数字、英字、記号のすべてを含む8文字以上32文字以内。
// パスワードを設定する場所（スタッフコマンド、再登録、開設）はすべてこの一つを使う。
internal static class PasswordRule
{
    public const int MinLength = 8;
    public const int MaxLength = 32;

    public const string Hint = "半角数字、英字、記号のすべてを含む8文字以上32文字以内";

    public const string Required = "パスワードを入力してください。";
    public const string FullWidth = "パスワードに全角文字は使えません。半角数字、英字、記号で入力してください。";
    public const string Space = "パスワードに空白は使えません。";
    public const string Length = "パスワードは8文字以上32文字以内で入力してください。";
    public const string Mix = "パスワードは半角数字、英字、記号のすべてを含めてください。";

    // 規則の文字（半角の英数字と記号: ! から ~ まで）でない文字を含む。そういう入力は、どのアカウントの正しいパスワードでもない
    public static bool HasCharactersOutsideTheRule(string password) => password.Any(c => c is < '\u0021' or > '\u007e');

    // 規則に合えば null、合わなければ利用者に見せる日本語のメッセージ
    public static string? Check(string? password)
    {
        if (string.IsNullOrEmpty(password)) return Required;
        foreach (var c in password)
        {
            if (c == ' ' || c == '\u3000' || char.IsWhiteSpace(c)) return Space;
            if (c > '\u007e' || c < '\u0021') return FullWidth;
        }
        if (password.Length is < MinLength or > MaxLength) return Length;
        bool digit = false, letter = false, symbol = false;
        foreach (var c in password)
        {
            if (char.IsAsciiDigit(c)) digit = true;
            else if (char.IsAsciiLetter(c)) letter = true;
            else symbol = true;
        }
        return digit && letter && symbol ? null : Mix;
    }
}

// Identity からも同じ規則で検査する（UserManager.CreateAsync / ResetPasswordAsync）
internal sealed class ManualPasswordValidator : IPasswordValidator<Seeker>
{
    public Task<IdentityResult> ValidateAsync(UserManager<Seeker> manager, Seeker user, string? password)
    {
        var problem = PasswordRule.Check(password);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordRule", Description = problem }));
    }
}
