namespace MyPage.Tests.Infrastructure;

public static class Repository
{
    // MyPage.csproj のあるフォルダー（テストの bin から上へたどる）
    public static readonly string Root = Find(AppContext.BaseDirectory);

    private static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MyPage.csproj"))) return dir.FullName;
        throw new InvalidOperationException("MyPage.csproj が見つかりません");
    }
}
