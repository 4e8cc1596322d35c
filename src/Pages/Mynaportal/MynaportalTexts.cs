namespace MyPage.Pages.Mynaportal;

// マイナポータル連携の文言（マニュアル 3.1 (2)、3.4、「属性連携不整合確認」画面）
internal static class MynaportalTexts
{
    public const string UnlinkedTitle = "属性連携不整合確認";
    public const string StartLinking = "マイナポータル連携開始";
    public const string Unlink = "連携解除";
    public const string SiteName = "厚生労働省ハローワークインターネットサービス";
    public const string SectionTitle = "マイナポータルとつなげる";

    public const string NotFound = "マイナポータルからシングルサインオンした際に、連携済みのアカウントが見つかりませんでした。";
    public const string HaveAccount = "アカウントをお持ちの方は、「マイナポータル連携開始」ボタンをクリックし、再度マイナポータルとの連携を行ってください。";
    public const string NoAccount = "なお、アカウントをお持ちでない方(既に求職者マイページを退会されている方など)は、求職者マイページでアカウントを登録してから、再度マイナポータルと連携を行ってください。";

    public const string LinkOnLogin = "ログインしたあとで、マイナポータルの利用者の名前を確かめてから連携します。";

    // ログインのあと、連携するかを本人に確かめる画面
    public const string ConfirmTitle = "マイナポータルとの連携の確認";
    public static string ConfirmQuestion(string person, string email) => $"マイナポータルの利用者「{person}」と、この求職者マイページ（{email}）を連携しますか。";
    public const string ConfirmWhy = "連携すると、次からはマイナポータルの「もっとつながる」から、ID・パスワードを入力せずにログインできます。ご自身のマイナポータルでなければ、「連携しない」を押してください。";
    public static string ConfirmBy(string japanTime) => $"{japanTime}までに選んでください。過ぎたときは、もう一度マイナポータルからやり直してください。";
    public const string ConfirmLink = "連携する";
    public const string ConfirmDecline = "連携しない";
    public const string UnnamedPerson = "名前の分からない利用者";
    public const string ConfirmGone = "連携を待っているマイナポータルのログインはありません（時間がたったか、すでに選びました）。連携するときは、もう一度マイナポータルからやり直してください。";
    public const string Declined = "マイナポータルとは連携しませんでした。";
    public const string Linked = "マイナポータルと連携しました。";
    public const string UnlinkedDone = "マイナポータルとの連携を解除しました。";
    public const string SubjectTaken = "このマイナポータルの利用者は、すでに別の求職者マイページと連携しています。連携を変えるには、もう一方の求職者マイページで連携を解除してください。";
    public const string AlreadyLinked = "この求職者マイページは、すでにマイナポータルと連携しています。別のマイナポータルの利用者と連携するには、いまの連携を解除してください。";
    public const string Failed = "マイナポータルとの連携を確認できませんでした。お手数ですが、はじめからもう一度お試しください。";
    public const string Unavailable = "ただいまマイナポータルからのログインはご利用いただけません。ID(メールアドレス)とパスワードでログインしてください。";

    public const string FailedTitle = "マイナポータルとの連携を確認できませんでした";
}
