namespace MyPage.Tests.Infrastructure;

// 一人の求職者がいるサイトに対するテストの土台。テストごとに新しいサイトとデータベースとブラウザ。
public abstract class SeekerTest(IReadOnlyDictionary<string, string?>? settings = null, Store store = Store.Sqlite) : IAsyncLifetime
{
    protected readonly MyPageApp app = new(settings: settings, store: store);
    protected readonly Browser browser = new();
    protected const string Email = "seeker@example.jp";
    protected const string Password = "Right-pass-1";

    public virtual async Task InitializeAsync() => await app.CreateSeekerAsync(Email, Password, "70000-1234567", "飯田橋公共職業安定所");

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
    }
}
