using Microsoft.AspNetCore.Mvc.ModelBinding;
using MyPage.Account;

namespace MyPage.Pages.Account;

// 照合の前に断る、打ったパスワードの誤り。ログイン (S1)、退会、いまのパスワードの確認で同じ: 空、長すぎる（ハッシュの前に）、
// 規則では使えない文字（全角、空白など: 正しいパスワードではありえないので、照合せず、ロックにも数えない）。なければ null
internal static class TypedPassword
{
    public static string? Problem(string password)
        => password.Length == 0 ? LoginTexts.PasswordRequired
        : password.Length > LoginTexts.PasswordMaxLength ? LoginTexts.PasswordTooLong
        : PasswordRule.HasCharactersOutsideTheRule(password) ? LoginTexts.PasswordCharacters
        : null;

    // 打ったパスワード (typed) を確かめ、誤りがあればその欄 (fieldId) のエラーにして false。password は照合に渡す値
    public static bool Accept(ModelStateDictionary state, string fieldId, string? typed, out string password)
    {
        password = typed ?? "";
        if (Problem(password) is not { } problem) return true;
        state.AddModelError(fieldId, problem);
        return false;
    }
}
