using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using MyPage.Account;
using MyPage.Data;
using MyPage.Jobs;
using MyPage.Mail;
using MyPage.Mynaportal;
using MyPage.PasswordReset;
using MyPage.Registration;
using MyPage.Security;
using MyPage.Sessions;
using MyPage.Staff;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;
var config = builder.Configuration;

// 開発では自己署名の localhost 証明書で HTTPS（Cookie が __Host-/Secure のため）
if (builder.Environment.IsDevelopment())
    builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h =>
        h.ServerCertificate ??= LocalCertificate.LoadOrCreate(Path.Combine(builder.Environment.ContentRootPath, "App_Data", "localhost.pfx"))));

// データ: SQLite + EF Core。接続文字列は ConnectionStrings:MyPage（環境変数 ConnectionStrings__MyPage）
services.Configure<DatabaseOptions>(config.GetSection("MyPage:Database"));
services.AddDbContext<MyPageDb>(o => o
    .UseSqlite(config.GetConnectionString("MyPage")
        ?? throw new InvalidOperationException("ConnectionStrings:MyPage が設定されていません。"))
    .AddInterceptors(new SqliteConnectionSettings()));
services.AddDataProtection().SetApplicationName("MyPage").PersistKeysToDbContext<MyPageDb>();
services.AddSingleton(TimeProvider.System);
services.AddSingleton<Housekeeping>();
services.AddHostedService(sp => sp.GetRequiredService<Housekeeping>());

// 求職者のアカウント（ASP.NET Core Identity、画面は自前）
services.AddIdentityCore<Seeker>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.User.AllowedUserNameCharacters = "";
        // ロックは LoginThrottleStore が数える（未登録IDも同じに扱うため）
        o.Lockout.AllowedForNewUsers = false;
    })
    .AddEntityFrameworkStores<MyPageDb>()
    .AddSignInManager();
services.AddSingleton<ILookupNormalizer, LoginIdNormalizer>();
services.AddScoped<IPasswordValidator<Seeker>, ManualPasswordValidator>();
services.AddScoped<LoginThrottleStore>();
services.AddScoped<LoginHistory>();
services.AddScoped<PasswordLogin>();

// メール: 送信待ちの表 (Outbox) に積み、OutboxSender が SMTP (MailKit) か開発用メールボックスへ送る
services.Configure<MailOptions>(config.GetSection("MyPage:Mail"));
services.AddSingleton<OutboxSignal>();
services.AddScoped<Outbox>();
services.AddSingleton<SmtpMailTransport>();
services.AddSingleton<DirectoryMailTransport>();
services.AddSingleton<IMailTransport>(sp =>
    sp.GetRequiredService<IOptions<MailOptions>>().Value.Transport.Equals("Directory", StringComparison.OrdinalIgnoreCase)
        ? sp.GetRequiredService<DirectoryMailTransport>()
        : sp.GetRequiredService<SmtpMailTransport>());
services.AddSingleton<OutboxSender>();
services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());

// パスワード再登録（認証キー）と、求職者マイページの開設（仮登録 → 本登録）・退会
services.AddScoped<PasswordResets>();
services.AddScoped<Registrations>();
services.AddScoped<Withdrawals>();
services.AddSingleton<SiteUrls>();

// 求職者マイページホームの中身: リクエスト求人、応募、メッセージ、保存した検索条件
services.AddScoped<SeekerJobs>();
services.Configure<MyPage.Pages.Home.HomeLinks>(config.GetSection("MyPage:Links"));

// ログインセッション: Cookie は鍵だけ、中身はデータベース（ServerSessionStore）
services.AddSingleton<ServerSessionStore>();
services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
services.Configure<SessionPolicy>(config.GetSection("MyPage:Session"));
services.AddSingleton<SessionClock>();
services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
    .Configure<ServerSessionStore, IOptions<SessionPolicy>>((o, store, policy) =>
    {
        o.SessionStore = store;
        o.Cookie.Name = "__Host-mypage-session";
        o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.Path = "/";
        o.ExpireTimeSpan = policy.Value.IdleTimeout;
        o.SlidingExpiration = true;
        o.Events = new SessionTimeoutEvents();
        o.LoginPath = "/Account/Login";
        o.LogoutPath = "/Account/Logout";
        o.AccessDeniedPath = "/Account/Login";
        o.ReturnUrlParameter = "returnUrl";
    });
services.ConfigureExternalCookie(o =>
{
    o.Cookie.Name = "__Host-mypage-external";
    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
});
services.AddAuthorization();

// マイナポータル: OpenID Connect (認可コード + PKCE)。連携は (発行者, sub) で記録する
var mynaportal = config.GetSection("MyPage:Mynaportal").Get<MynaportalOptions>() ?? new();
services.Configure<MynaportalOptions>(config.GetSection("MyPage:Mynaportal"));
services.AddScoped<SessionStarter>();
services.AddScoped<MynaportalLinks>();
services.AddScoped<MynaportalSignIn>();
if (mynaportal.Enabled)
    services.AddAuthentication().AddOpenIdConnect(MynaportalOptions.Scheme, "マイナポータル", o => MynaportalClient.Configure(o, mynaportal));
if (builder.Environment.IsDevelopment() && mynaportal.DevelopmentMock.Enabled)
    services.AddHostedService<DevelopmentMockLauncher>();

// 画面: Razor Pages（src/Pages）。全フォームに CSRF トークン。
services.AddRazorPages(o =>
{
    o.RootDirectory = "/src/Pages";
    o.Conventions.AuthorizeFolder("/Home");
    o.Conventions.AuthorizeFolder("/JobSearch");
    o.Conventions.AuthorizeFolder("/Activity");
    o.Conventions.AuthorizeFolder("/Messages");
    o.Conventions.AuthorizeFolder("/Settings");
    o.Conventions.AuthorizeFolder("/Jobs");
    o.Conventions.AuthorizeFolder("/SavedSearches");
    o.Conventions.AuthorizeFolder("/Session");
});
services.AddAntiforgery(o =>
{
    o.Cookie.Name = "__Host-mypage-csrf";
    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.HeaderName = "X-CSRF-TOKEN";
});
// 日本語を &#x...; にせず UTF-8 のまま送る（バイト数が約3分の1になる）
services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
services.AddResponseCompression(o => o.EnableForHttps = true);
services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
services.Configure<ForwardedHeadersOptions>(o =>
{
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    foreach (var proxy in config.GetSection("MyPage:KnownProxies").Get<string[]>() ?? [])
        o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
});

var app = builder.Build();

if (args is ["staff", .. var staffArgs])
{
    await DatabaseStartup.RunAsync(app.Services);
    return await StaffCommand.RunAsync(staffArgs, app.Services, Console.Out, Console.Error);
}

await DatabaseStartup.RunAsync(app.Services);

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}
app.UseHttpsRedirection();
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseSecurityHeaders(mynaportal.Enabled ? [new Uri(mynaportal.Authority!).GetLeftPart(UriPartial.Authority)] : []);
app.UseResponseCompression();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

await app.RunAsync();
return 0;

public partial class Program;
