namespace MyPage.Pages;

public static class Site
{
    public const string Name = "ハローワークインターネットサービス";
}
