using Microsoft.Extensions.Options;
using MyPage.Abuse;
using MyPage.Account;
using MyPage.Data;
using MyPage.Housekeeping;
using MyPage.IdChange;
using MyPage.Jobs;
using MyPage.Login;
using MyPage.Mail;
using MyPage.Metrics;
using MyPage.Mynaportal;
using MyPage.OneTimePassword;
using MyPage.Pages;
using MyPage.Passkeys;
using MyPage.PasswordReset;
using MyPage.Registration;
using MyPage.Revocation;
using MyPage.Security;
using MyPage.Sessions;
using MyPage.Staff;
using MyPage.Startup;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = PublishedContentRoot(args) });
try
{
    return await RunAsync(builder, args);
}
// 起動できない設定は、誤り一つにつき一行（日本語と英語、設定の名前と値）で知らせて止まる。スタックトレースは出さない
catch (StartupException failure)
{
    Console.Error.WriteLine(failure.Message);
    return 1;
}
catch (OptionsValidationException problem)
{
    foreach (var failure in problem.Failures) Console.Error.WriteLine(failure);
    return 1;
}
catch (InvalidOperationException problem) when (SettingChecks.Unreadable(problem, builder.Configuration) is { } line)
{
    Console.Error.WriteLine(line);
    return 1;
}
catch (IOException problem) when (problem.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    Console.Error.WriteLine($"待ち受けるアドレスが、ほかのプロセスに使われています（{problem.Message}）。ASPNETCORE_URLS を確かめてください。 / The address is in use; check ASPNETCORE_URLS.");
    return 1;
}

// 求職者マイページの部品の一覧。各部品は自分のフォルダーにある AddX() で自分を登録する。
static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
{
    builder.UseDevelopmentCertificate();
    var staff = args is ["staff", ..];

    builder.Services
        .AddOperatorMetrics(builder.Configuration)                     // Metrics/: 運用者が見る数 (Prometheus、MyPage:Metrics:Urls) と追跡 (OTLP)
        .AddMyPageData(builder.Configuration, generatesKeys: !staff)   // Data/: SQLite か PostgreSQL + EF Core、Data Protection の鍵、ヘルスチェック
        .AddSeekerAccounts()                                           // Account/: Identity、パスワードの照合とロック
        .AddServerSessions(builder.Configuration)                      // Sessions/: データベースに置くセッション、自動ログアウト、ログイン履歴
        .AddLoginPipeline()                                            // Login/: ログインの方法の表と、ログインを済ませるただ一つの手順
        .AddCredentialRevocation()                                     // Revocation/: 資格情報が開いたものを一度に終える、ただ一つの操作
        .AddOneTimePassword()                                          // OneTimePassword/: ログインのワンタイムパスワード
        .AddPasskeys()                                                 // Passkeys/: パスキーでのログイン、登録と削除 (WebAuthn、Identity)
        .AddMail(builder.Configuration)                                // Mail/: 送信待ちの表と MailKit の送信者
        .AddPasswordReset()                                            // PasswordReset/: 認証キーでのパスワード再登録
        .AddRegistration()                                             // Registration/: 開設（仮登録・本登録）と退会
        .AddIdChange()                                                 // IdChange/: ID(メールアドレス)の変更（認証キー、窓口での変更）
        .AddSeekerJobs(builder.Configuration)                          // Jobs/: ホームの求人・応募・メッセージ・保存した条件
        .AddMynaportal(builder.Configuration, builder.Environment)     // Mynaportal/: シングルサインオンと連携
        .AddHousekeeping()                                             // Housekeeping/: 1時間ごとの後片付け（手順は各部品が登録する）
        .AddAbuseDefence(builder.Environment)                          // Abuse/: 接続元ごとの上限、人の確認（計算による確認、reCAPTCHA）
        .AddSecurity(builder.Environment)                              // Security/: 公開の URL、CSRF、HSTS、信頼するプロキシ、ヘッダー
        .AddMyPagePages();                                             // Pages/: 画面、ログインが要らない画面だけを名乗らせる

    var app = builder.Build();
    SettingChecks.CheckNow(app.Services);   // Startup/: 設定の誤りは、データベースにさわる前に、一つずつ一行で

    // 職員のコマンド: dotnet MyPage.dll staff ...
    if (args is ["staff", .. var staffArgs])
    {
        await DatabaseStartup.RunAsync(app.Services);
        return await StaffCommand.RunAsync(staffArgs, app.Services, Console.In, Console.Out, Console.Error);
    }

    await DatabaseStartup.RunAsync(app.Services);

    app.UseForwardedHeaders();
    app.UseHealthEndpoints();
    app.UsePublicHostOnly();                // ヘルスチェックのあと: ほかの画面は公開の URL の名前の Host だけ
    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/Error");
        app.UseHsts();
    }
    app.UseHttpsRedirectionForReads();
    app.UseStatusCodePagesWithReExecute("/Error/{0}");
    app.UseRequestGuards(app.Environment);
    app.UseSecurityHeaders();
    app.UseResponseCompression();
    app.UseRouting();
    app.UseRateLimiter();
    app.UseSessionRestart();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseAntiforgery();
    app.UseOutputCache();                   // 誰にでも同じ画面 (S0) は描き直さない（Pages/PagesServices.cs）
    app.MapMyPagePages();

    await app.RunAsync();
    return 0;
}

// 公開したフォルダー (dotnet publish の出力: wwwroot がある) から動かすときは、どこから起動しても、そのフォルダーが
// content root（wwwroot と appsettings.json）。今のディレクトリのままだと、別のフォルダー（たとえばリポジトリの根）から
// 起動したとき、そこの wwwroot から圧縮版のない静的ファイルを 0 バイトで配っていた。--contentRoot や
// ASPNETCORE_CONTENTROOT で明示したときと、ビルドの出力から動かすとき（dotnet run、テスト: wwwroot がない）は、既定のまま
static string? PublishedContentRoot(string[] args)
{
    if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT")))
        return null;
    var folder = AppContext.BaseDirectory;
    return Directory.Exists(Path.Combine(folder, "wwwroot")) ? folder : null;
}

public partial class Program; // テストの WebApplicationFactory<Program> が使う入口（ほかの型は internal）
