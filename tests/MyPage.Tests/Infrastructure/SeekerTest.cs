namespace MyPage.Tests.Infrastructure;

// 一人の求職者がいるサイトに対するテストの土台。サイトはテストクラスで共有し (SiteFixture)、
// 求職者（ID）、求職番号、接続元のアドレスはテストごとに新しくする。ブラウザもテストごと。
public abstract class SeekerTest : IAsyncLifetime
{
    private static int seekers;

    protected readonly MyPageApp app;
    protected readonly Browser browser = new();
    private readonly SiteFixture? ownSite;
    private readonly int logStart;
    private readonly int verificationsStart;

    protected const string Password = "Right-pass-1";

    // このテストの求職者の ID と求職番号（テストごとに違う）
    protected string Email { get; }
    protected string SeekerNumber { get; }

    // このテストだけの、登録のない ID（列挙の試験で、ほかのテストのロックや数と混ざらない）
    protected string UnknownEmail => "nobody-" + Email;

    // このテストの接続元のアドレス（HttpClient とブラウザが X-Forwarded-For で名乗る）
    protected string ClientAddress { get; }

    // 画面とメールに出る、最後を伏せた接続元（198.18.0.x）
    protected string MaskedClientAddress => ClientAddress[..(ClientAddress.LastIndexOf('.') + 1)] + "x";

    // site: テストクラスで共有するサイト（IClassFixture）。自分のサイトが要るテストは OwnSite(...) を渡す
    protected SeekerTest(SiteFixture site)
    {
        app = site.App;
        if (site is OwnSiteFixture) ownSite = site;
        var n = Interlocked.Increment(ref seekers);
        Email = $"seeker{n}@example.jp";
        SeekerNumber = $"70000-{n + 1_000_000:D7}";
        ClientAddress = TestClient.UseNew();
        logStart = app.Logs.Lines.Count;
        verificationsStart = app.PasswordVerifications;
    }

    // このテストだけのサイト（時計を大きく進める、設定を変える、サイト全体の数を数えるテスト）
    protected static SiteFixture OwnSite(IReadOnlyDictionary<string, string?>? settings = null, Store store = Store.Sqlite) => new OwnSiteFixture(settings, store);

    // このテストが始まってからのログとパスワードの照合の回数（サイトを共有しても、前のテストの分は数えない）
    protected IReadOnlyList<string> LogLines => app.Logs.Lines.Skip(logStart).ToList();
    protected int PasswordVerifications => app.PasswordVerifications - verificationsStart;

    // このテストの求職者の内部の id（データベースをこの人の行に絞って数えるため）
    protected string SeekerId { get; private set; } = "";

    public virtual async Task InitializeAsync() => SeekerId = (await app.CreateSeekerAsync(Email, Password, SeekerNumber, "飯田橋公共職業安定所")).Id;

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        if (ownSite is not null) await ownSite.DisposeAsync();
    }

    private sealed class OwnSiteFixture(IReadOnlyDictionary<string, string?>? settings, Store store) : SiteFixture(settings, store);
}
