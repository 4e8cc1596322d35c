using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MyPage.Account;
using MyPage.Pages.Account;
using MyPage.Staff;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Staff;

// 職員のコマンド。中身はサイトと同じサービスで、設定されたデータベースに対して動く。
// サイトはクラスで共有する（テストごとに違う ID と求職番号を使い、数えるときは前後の差を見る）
[Trait("Category", "Processes")]
public class StaffCommandTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly MyPageApp app = site.App;

    private Task<int> UsersAsync() => app.WithDbAsync(db => db.Users.CountAsync());

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    // stdin: 標準入力に渡すもの（--password-stdin のパスワード）
    private async Task<(int Code, string Out, string Err)> RunWithInputAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StaffCommand.RunAsync(args, app.Services, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Can_create_a_seeker_who_can_then_log_in()
    {
        var (code, output, _) = await RunWithInputAsync("Staff-made-1\n", "create-seeker", "--email", "New@Example.jp", "--password-stdin",
            "--seeker-number", "70000-7654321", "--office", "渋谷公共職業安定所");
        Assert.Equal(0, code);
        Assert.Contains("new@example.jp", output);

        using var client = app.CreateHttpClient();
        var response = await Forms.LoginAsync(client, "new@example.jp", "Staff-made-1");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var home = await client.GetStringAsync("/Home");
        Assert.Contains("70000-7654321", home);
        Assert.Contains("渋谷公共職業安定所", home);
    }

    [Fact]
    public async Task Cannot_create_a_seeker_twice_even_with_other_case()
    {
        Assert.Equal(0, (await RunWithInputAsync("Staff-made-1", "create-seeker", "--email", "twice@example.jp", "--password-stdin")).Code);
        var (code, _, error) = await RunWithInputAsync("Staff-made-1", "create-seeker", "--email", "TWICE@EXAMPLE.JP", "--password-stdin");
        Assert.Equal(1, code);
        Assert.Contains("すでにいます", error);
    }

    [Theory]
    [InlineData("Staff-made-1", "--email", "not-a-mail", "--password-stdin")]
    [InlineData("short1!", "--email", "a@example.jp", "--password-stdin")]
    [InlineData("Ｆｕｌｌ-width-1", "--email", "a@example.jp", "--password-stdin")]
    [InlineData("Staff-made-1", "--email", "a@example.jp", "--password-stdin", "--seeker-number", "123")]
    [InlineData("", "--email", "a@example.jp", "--password-stdin")]
    [InlineData("Staff-made-1", "--email", "a@example.jp")]
    [InlineData("Staff-made-1", "--email", "a@example.jp", "--password-stdin", "--colour", "red")]
    public async Task Cannot_create_a_seeker_from_bad_arguments(string stdin, params string[] args)
    {
        var before = await UsersAsync();
        var (code, _, error) = await RunWithInputAsync(stdin, ["create-seeker", .. args]);
        Assert.Equal(2, code);
        Assert.NotEmpty(error);
        Assert.Equal(before, await UsersAsync());
    }

    [Fact]
    public async Task Cannot_give_the_password_on_the_command_line()
    {
        var before = await UsersAsync();
        var (code, _, error) = await RunAsync("create-seeker", "--email", "a@example.jp", "--password", "Staff-made-1");
        Assert.Equal(2, code);
        Assert.Contains(StaffCommand.PasswordOnCommandLine, error);
        Assert.DoesNotContain("Staff-made-1", error);
        Assert.Equal(before, await UsersAsync());
    }

    [Theory]
    [InlineData("--password=Secret-pass-1")]
    [InlineData("--password-file=Secret-pass-1")]
    public async Task Never_echoes_a_password_given_on_the_command_line(string argument)
    {
        var (code, output, error) = await RunAsync("create-seeker", "--email", "echo@example.jp", argument);
        Assert.Equal(2, code);
        Assert.Contains(StaffCommand.PasswordOnCommandLine, error);
        Assert.DoesNotContain("Secret-pass-1", error + output);
    }

    [Fact]
    public async Task Cannot_unlock_an_unknown_id()
    {
        var (code, _, error) = await RunAsync("unlock", "--email", "nobody-here@example.jp");
        Assert.Equal(1, code);
        Assert.Contains("いません", error);
    }

    [Fact]
    public async Task Can_give_the_log_tag_of_a_client_address_the_same_for_one_ipv6_64()
    {
        var (code, output, _) = await RunAsync("client-tag", "--address", "2001:db8:1:2::1");
        Assert.Equal(0, code);
        Assert.Equal(output, (await RunAsync("client-tag", "--address", "2001:db8:1:2:ffff::9")).Out);
        Assert.StartsWith(app.ClientLogTag("2001:db8:1:2::1") + " (2001:db8:1:2::/64)", output, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync("client-tag", "--address", "not-an-address")).Code);
    }

    [Fact]
    public async Task Can_unlock_a_locked_seeker()
    {
        await app.CreateSeekerAsync("locked@example.jp", "Right-pass-1");
        using var client = app.CreateHttpClient();
        for (var i = 0; i < 5; i++) await Forms.LoginAsync(client, "locked@example.jp", "Wrong-pass-1");
        var refused = await Forms.LoginAsync(client, "locked@example.jp", "Right-pass-1");
        Assert.Contains(LoginTexts.Lockout, Html.Lockout(await refused.Content.ReadAsStringAsync()));

        var (code, output, _) = await RunAsync("unlock", "--email", "LOCKED@example.jp");
        Assert.Equal(0, code);
        Assert.Contains("解除しました", output);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await Forms.LoginAsync(client, "locked@example.jp", "Right-pass-1")).StatusCode);
    }

    [Fact]
    public async Task Can_find_an_id_by_seeker_number()
    {
        await app.CreateSeekerAsync("found@example.jp", "Right-pass-1", "70000-1111111");
        var (code, output, _) = await RunAsync("find-id", "--seeker-number", "７００００－１１１１１１１");
        Assert.Equal(0, code);
        Assert.Equal("found@example.jp", output.Trim());
    }

    [Fact]
    public async Task Cannot_find_an_id_for_an_unknown_seeker_number()
    {
        var (code, output, error) = await RunAsync("find-id", "--seeker-number", "70000-0000000");
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("いません", error);
    }

    [Fact]
    public async Task Can_run_as_dotnet_mypage_dll_staff_against_the_configured_database()
    {
        // 標準入力（パスワード）、標準出力、終了コードが、本物のプロセスを通る（コマンドごとの中身はプロセスの中で試す）
        var created = await RunProcessWithInputAsync("Staff-made-1\n", "staff", "create-seeker", "--email", "piped@example.jp", "--password-stdin");
        Assert.Equal(0, created.Code);
        Assert.Contains("求職者を作りました: piped@example.jp", created.Out, StringComparison.Ordinal);
        using (var client = app.CreateHttpClient())
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await Forms.LoginAsync(client, "piped@example.jp", "Staff-made-1")).StatusCode);

        var bad = await RunProcessAsync("staff", "remove-everything");
        Assert.Equal(2, bad.Code);
        Assert.Contains("知らないコマンドです", bad.Err);
    }

    [Fact]
    public async Task Can_confirm_an_online_registrant_at_the_counter()
    {
        await app.CreateSeekerAsync("online@example.jp", "Right-pass-1", seekerNumber: null, office: null);
        var (code, output, _) = await RunAsync("confirm-seeker", "--email", "online@example.jp", "--seeker-number", "70000-3333333", "--office", "飯田橋公共職業安定所");
        Assert.Equal(0, code);
        Assert.Contains("70000-3333333", output);

        using var client = app.CreateHttpClient();
        await Forms.LoginAsync(client, "online@example.jp", "Right-pass-1");
        var home = await client.GetStringAsync("/Home");
        Assert.Contains("70000-3333333", home);
        Assert.DoesNotContain("オンライン登録者", home);
    }

    // 管轄安定所は求職者のホームに出る: 安定所の名前でないもの（打ち間違い、別の欄の値、HTML）は記録しない
    [Theory]
    [InlineData("渋谷")]
    [InlineData("70000-1234567")]
    [InlineData("<b>ハローワーク渋谷</b>")]
    [InlineData("ハローワーク 渋谷")]
    [InlineData("とても長い名前のとても長い名前のとても長い名前のとても長い名前のとても長い名前のハローワーク")]
    public async Task Cannot_record_an_office_that_is_not_an_office_name(string office)
    {
        // このクラスのサイトは試験どうしで共有: 試験ごとの ID
        var id = Guid.NewGuid().ToString("N")[..8];
        var (created, _, createError) = await RunWithInputAsync("Staff-made-1\n", "create-seeker", "--email", $"office-check-{id}@example.jp", "--password-stdin", "--office", office);
        Assert.Equal((2, OfficeName.Problem), (created, createError.Split('\n')[0].Trim()));
        Assert.Null(await app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == $"office-check-{id}@example.jp")));

        await app.CreateSeekerAsync($"office-online-{id}@example.jp", "Right-pass-1", seekerNumber: null, office: null);
        var (confirmed, _, confirmError) = await RunAsync("confirm-seeker", "--email", $"office-online-{id}@example.jp", "--seeker-number", "70000-8888888", "--office", office);
        Assert.Equal((2, OfficeName.Problem), (confirmed, confirmError.Split('\n')[0].Trim()));
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == $"office-online-{id}@example.jp").Select(u => u.SeekerNumber).SingleAsync()));
    }

    [Theory]
    [InlineData("ハローワーク渋谷", "ハローワーク渋谷")]
    [InlineData(" 飯田橋公共職業安定所 ", "飯田橋公共職業安定所")]
    [InlineData("マザーズハローワーク東京", "マザーズハローワーク東京")]
    public void Can_record_an_office_name(string raw, string recorded) => Assert.Equal(recorded, OfficeName.Normalize(raw));

    [Fact]
    public async Task Cannot_confirm_twice_or_reuse_a_seeker_number()
    {
        await app.CreateSeekerAsync("first@example.jp", "Right-pass-1", "70000-4444444");
        await app.CreateSeekerAsync("online2@example.jp", "Right-pass-1", seekerNumber: null, office: null);
        Assert.Equal(1, (await RunAsync("confirm-seeker", "--email", "first@example.jp", "--seeker-number", "70000-5555555", "--office", "渋谷公共職業安定所")).Code);
        Assert.Equal(1, (await RunAsync("confirm-seeker", "--email", "online2@example.jp", "--seeker-number", "70000-4444444", "--office", "渋谷公共職業安定所")).Code);
        Assert.Equal(1, (await RunAsync("confirm-seeker", "--email", "nobody@example.jp", "--seeker-number", "70000-6666666", "--office", "渋谷公共職業安定所")).Code);
        Assert.Equal(2, (await RunAsync("confirm-seeker", "--email", "online2@example.jp", "--seeker-number", "70000-6666666")).Code);
    }

    private Task<(int Code, string Out, string Err)> RunProcessAsync(params string[] args) => RunProcessWithInputAsync("", args);

    private async Task<(int Code, string Out, string Err)> RunProcessWithInputAsync(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MyPage.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__MyPage"] = $"Data Source={app.DatabasePath}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["MyPage__DataProtection__AllowUnencryptedKeys"] = "true";
        // 職員のコマンドはサイトと同じ設定で動かす（誤った設定、足りない設定では、サイトと同じに起動しない）
        start.Environment["MyPage__PublicUrl"] = "https://mypage.example.jp/";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output, await error);
    }
}
