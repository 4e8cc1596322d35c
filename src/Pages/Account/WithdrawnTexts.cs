namespace MyPage.Pages.Account;

// 「退会」のあとの画面（もうログインしていないので Account に置く）の文言
internal static class WithdrawnTexts
{
    public const string Title = "退会しました";
    public const string Withdrawn = "求職者マイページを退会しました。登録されていた情報は削除しました。確認のメールをお送りしています。";
    public const string AlreadyWithdrawn = "退会の手続きは、すでに完了しています（同時に送られた手続きのうち、一つだけを受け付けました）。登録されていた情報は削除しました。確認のメールをお送りしています。";
}

// 退会のあとの画面に ?status= で伝える結果
internal enum WithdrawnStatus { Already }
