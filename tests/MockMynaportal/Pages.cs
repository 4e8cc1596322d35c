using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MockMynaportal;

/// <summary>The mock's own small UI: top page, login (stands in for マイナンバーカード), もっとつながる.</summary>
public static class MockPages
{
    private const string SiteName = "マイナポータル（開発用の模擬）";
    private const int MaxNameLength = 100;

    public static void MapMockPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", TopAsync);
        app.MapGet("/login", LoginAsync);
        app.MapPost("/login", SignInAsync);
        app.MapPost("/login/new", AddPersonAsync);
        app.MapPost("/logout-mock", SignOutAsync);
        app.MapGet("/motto", Motto).RequireAuthorization();
    }

    private static async Task<IResult> TopAsync(HttpContext http, MockDbContext db, IAntiforgery antiforgery)
    {
        var person = await ConnectEndpoints.SignedInPersonAsync(http, db);
        var body = person is null
            ? """<p><a href="/login">ログイン</a></p>"""
            : $"""
               <p>{E(person.DisplayName)} さんとしてログインしています。</p>
               <p><a href="/motto">もっとつながる</a></p>
               <form method="post" action="/logout-mock">
                 {AntiforgeryField(http, antiforgery)}
                 <button type="submit">ログアウト</button>
               </form>
               """;
        return Page(SiteName, $"""
            <h1>{SiteName}</h1>
            <p>開発とテストのための模擬です。本物のマイナポータルではありません。</p>
            {body}
            """);
    }

    private static Task<IResult> LoginAsync(HttpContext http, MockDbContext db, IAntiforgery antiforgery, string? returnUrl) =>
        LoginPageAsync(http, db, antiforgery, returnUrl, error: null);

    private static async Task<IResult> LoginPageAsync(HttpContext http, MockDbContext db, IAntiforgery antiforgery, string? returnUrl, string? error)
    {
        var people = await db.People.OrderBy(p => p.Id).ToListAsync();
        var token = AntiforgeryField(http, antiforgery);
        var returnField = IsLocalUrl(returnUrl) ? $"""<input type="hidden" name="returnUrl" value="{E(returnUrl!)}">""" : "";

        var buttons = new StringBuilder();
        foreach (var person in people)
        {
            buttons.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<li><button type="submit" name="subject" value="{E(person.Subject)}">{E(person.DisplayName)}</button></li>""").Append('\n');
        }

        return Page("マイナポータルにログイン", $"""
            <h1>マイナポータルにログイン</h1>
            {(error is null ? "" : $"""<p role="alert">{E(error)}</p>""")}
            <p>マイナンバーカードの読み取りの代わりに、ログインする利用者を選んでください。</p>
            <form method="post" action="/login">
              {token}
              {returnField}
              <ul>
            {buttons}  </ul>
            </form>
            <h2 id="add-person">利用者を追加</h2>
            <form method="post" action="/login/new" aria-labelledby="add-person">
              {token}
              {returnField}
              <p>
                <label for="displayName">氏名</label>
                <input type="text" id="displayName" name="displayName" required maxlength="{MaxNameLength}" autocomplete="name">
              </p>
              <button type="submit">追加してログイン</button>
            </form>
            """, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, MockDbContext db, IAntiforgery antiforgery, [FromForm] string subject, [FromForm] string? returnUrl)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Subject == subject);
        if (person is null)
        {
            return await LoginPageAsync(http, db, antiforgery, returnUrl, "その利用者はいません。");
        }

        return await SignInAndReturnAsync(http, person, returnUrl);
    }

    private static async Task<IResult> AddPersonAsync(
        HttpContext http, MockDbContext db, IAntiforgery antiforgery, [FromForm] string? displayName, [FromForm] string? returnUrl)
    {
        var name = displayName?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            var error = name.Length == 0 ? "氏名を入力してください。" : $"氏名は{MaxNameLength}文字以内で入力してください。";
            return await LoginPageAsync(http, db, antiforgery, returnUrl, error);
        }

        var person = new Person { Subject = Guid.NewGuid().ToString(), DisplayName = name };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return await SignInAndReturnAsync(http, person, returnUrl);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, [FromForm] string? returnUrl)
    {
        await http.SignOutAsync(MockProgram.CookieScheme);
        return Results.LocalRedirect(IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    private static IResult Motto(HttpContext http, IOptions<MockSettings> settings, IOptionsMonitor<OpenIddictServerOptions> server)
    {
        // Third-party-initiated login: My Page starts an authorization request back to this issuer.
        var start = $"{settings.Value.MyPageBase}/Mynaportal/Start?iss={Uri.EscapeDataString(Issuer(http, server.CurrentValue))}";
        return Page("もっとつながる", $"""
            <h1>もっとつながる</h1>
            <p>{E(http.User.FindFirstValue(Claims.Name) ?? "")} さんとしてログインしています。</p>
            <section aria-labelledby="connected-sites">
              <h2 id="connected-sites">つながっているウェブサイト</h2>
              <ul>
                <li><a href="{E(start)}">厚生労働省ハローワークインターネットサービス</a></li>
              </ul>
            </section>
            <p><a href="/">トップページへ</a></p>
            """);
    }

    private static async Task<IResult> SignInAndReturnAsync(HttpContext http, Person person, string? returnUrl)
    {
        var identity = new ClaimsIdentity(
            [new Claim(Claims.Subject, person.Subject), new Claim(Claims.Name, person.DisplayName)],
            MockProgram.CookieScheme, Claims.Name, Claims.Role);
        await http.SignInAsync(MockProgram.CookieScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>The issuer exactly as OpenIddict publishes it in the discovery document.</summary>
    public static string Issuer(HttpContext http, OpenIddictServerOptions options) =>
        (options.Issuer ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", UriKind.Absolute)).AbsoluteUri;

    // A path on this site: "/x" but not "//host" or "/\host", which browsers treat as other hosts.
    private static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    private static string AntiforgeryField(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"""<input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken ?? "")}">""";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var fullTitle = title == SiteName ? SiteName : $"{title} - {SiteName}";
        return Results.Content($"""
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(fullTitle)}</title>
            </head>
            <body>
            <main>
            {body}
            </main>
            </body>
            </html>
            """, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
