namespace MyPage.Pages.Mynaportal;

// マイナポータル連携の文言（マニュアル 3.1 (2)、3.4、「属性連携不整合確認」画面）
public static class MynaportalTexts
{
    public const string UnlinkedTitle = "属性連携不整合確認";
    public const string StartLinking = "マイナポータル連携開始";
    public const string Unlink = "連携解除";
    public const string SiteName = "厚生労働省ハローワークインターネットサービス";
    public const string SectionTitle = "マイナポータルとつなげる";

    public const string NotFound = "マイナポータルからシングルサインオンした際に、連携済みのアカウントが見つかりませんでした。";
    public const string HaveAccount = "アカウントをお持ちの方は、「マイナポータル連携開始」ボタンをクリックし、再度マイナポータルとの連携を行ってください。";
    public const string NoAccount = "なお、アカウントをお持ちでない方(既に求職者マイページを退会されている方など)は、求職者マイページでアカウントを登録してから、再度マイナポータルと連携を行ってください。";

    public const string LinkOnLogin = "ログインすると、この求職者マイページとマイナポータルを連携します。";
    public const string Linked = "マイナポータルと連携しました。";
    public const string UnlinkedDone = "マイナポータルとの連携を解除しました。";
    public const string SubjectTaken = "このマイナポータルの利用者は、すでに別の求職者マイページと連携しています。連携を変えるには、もう一方の求職者マイページで連携を解除してください。";
    public const string AlreadyLinked = "この求職者マイページは、すでにマイナポータルと連携しています。別のマイナポータルの利用者と連携するには、いまの連携を解除してください。";
    public const string Failed = "マイナポータルとの連携を確認できませんでした。お手数ですが、はじめからもう一度お試しください。";
    public const string Unavailable = "ただいまマイナポータルからのログインはご利用いただけません。ID(メールアドレス)とパスワードでログインしてください。";

    public const string FailedTitle = "マイナポータルとの連携を確認できませんでした";
}
