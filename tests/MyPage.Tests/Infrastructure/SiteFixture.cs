namespace MyPage.Tests.Infrastructure;

// テストクラスで一つのサイト（互いに邪魔をしないテストのため）。クラスが終われば止めて消す。
public class SiteFixture : IAsyncLifetime
{
    public MyPageApp App { get; } = new();

    public virtual Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await App.DisposeAsync();
}

// テストクラスで一つのサイトと、そこに一人の求職者（SeekerTest と同じ人）
public class SeekerSiteFixture : SiteFixture
{
    public const string Email = "seeker@example.jp";
    public const string Password = "Right-pass-1";

    public override async Task InitializeAsync() => await App.CreateSeekerAsync(Email, Password, "70000-1234567", "飯田橋公共職業安定所");
}
