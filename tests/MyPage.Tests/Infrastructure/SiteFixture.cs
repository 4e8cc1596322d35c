namespace MyPage.Tests.Infrastructure;

// テストクラスで一つのサイト。クラスのテストは順に動くので、テストごとに自分の求職者と接続元のアドレスを
// 使えば (SeekerTest)、互いに邪魔をしない。時計やサイトの設定を変える、再起動するテストは自分のサイトを作る。
// （xunit はクラスの共有物に公開のコンストラクターを一つしか許さないので、設定を渡すものは protected）
public class SiteFixture : IAsyncLifetime
{
    public SiteFixture() : this(null) { }

    // localhost: 公開の URL を https://localhost:port に（パスキーの RP ID）
    protected internal SiteFixture(IReadOnlyDictionary<string, string?>? settings, Store store = Store.Sqlite, bool productionHashing = false, bool localhost = false)
        => App = new(settings: settings, store: store, productionHashing: productionHashing, localhost: localhost);

    public MyPageApp App { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;
    public virtual async Task DisposeAsync() => await App.DisposeAsync();
}

// テストクラスで一つのサイトと、そこに一人の求職者（読むだけのテストのため）
public class SeekerSiteFixture : SiteFixture
{
    public const string Email = "seeker@example.jp";
    public const string Password = "Right-pass-1";

    public override async Task InitializeAsync() => await App.CreateSeekerAsync(Email, Password, "70000-1234567", "飯田橋公共職業安定所");
}

// 本番と同じ重さの Argon2id のサイト（時間でIDの有無がわからないこと、並列の照合の数の試験）
public sealed class ProductionHashingSite() : SiteFixture(null, productionHashing: true);

// デモのデータ（マニュアルの画面と同じホーム）があるサイト。デモ求職者のデータを変えないテストで共有する
public sealed class DemoSite() : SiteFixture(Settings)
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?> { ["MyPage:Database:SeedDemoData"] = "true" };
}
