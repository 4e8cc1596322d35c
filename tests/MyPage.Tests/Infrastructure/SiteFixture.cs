namespace MyPage.Tests.Infrastructure;

// テストクラスで一つのサイト（互いに邪魔をしないテストのため）。クラスが終われば止めて消す。
public class SiteFixture : IAsyncLifetime
{
    public MyPageApp App { get; } = new();

    public virtual Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await App.DisposeAsync();
}
