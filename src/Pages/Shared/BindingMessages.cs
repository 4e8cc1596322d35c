using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace MyPage.Pages.Shared;

// 送られた値が読めなかったとき（手で作った要求など）も、英語ではなく日本語で知らせる
internal static class BindingMessages
{
    public const string Invalid = "送信された内容を読み取れませんでした。入力内容をご確認のうえ、もう一度お試しください。";

    public static void UseJapanese(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => Invalid);
        messages.SetMissingBindRequiredValueAccessor(_ => Invalid);
        messages.SetMissingKeyOrValueAccessor(() => Invalid);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => Invalid);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Invalid);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => Invalid);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => Invalid);
        messages.SetUnknownValueIsInvalidAccessor(_ => Invalid);
        messages.SetValueIsInvalidAccessor(_ => Invalid);
        messages.SetValueMustBeANumberAccessor(_ => Invalid);
        messages.SetValueMustNotBeNullAccessor(_ => Invalid);
    }
}
