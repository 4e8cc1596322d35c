using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MockMynaportal;

/// <summary>
/// A small OpenID Connect provider standing in for マイナポータル in development and tests.
/// Not top-level statements: the test project also references My Page, whose Program is global.
/// </summary>
public class MockProgram
{
    /// <summary>The mock's own "signed in at マイナポータル" cookie scheme.</summary>
    public const string CookieScheme = "MockMynaportal";

    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // No appsettings.json: the test project references both web apps, and their appsettings.json
        // files would collide in its output folder. Defaults live in MockSettings instead.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        // Settings are read from the built container, not builder.Configuration, so that
        // WebApplicationFactory overrides (which arrive late) are honoured.
        builder.Services.AddOptions<MockSettings>()
            .BindConfiguration(MockSettings.Section)
            .Validate(MockSettings.IsValid, "MockMynaportal:MyPageUrl must be an absolute http(s) URL; ClientId, ClientSecret and Database must not be empty.")
            .ValidateOnStart();

        builder.Services.AddDbContext<MockDbContext>((services, options) =>
        {
            var settings = services.GetRequiredService<IOptions<MockSettings>>().Value;
            var path = settings.DatabasePath(services.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
            options.UseSqlite(new SqliteConnectionStringBuilder { DataSource = path }.ToString());
            options.UseOpenIddict();
        });

        builder.Services.AddAuthentication(CookieScheme)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "mock-mynaportal";
                options.LoginPath = "/login";
                options.ReturnUrlParameter = "returnUrl";
            });
        builder.Services.AddAuthorization();
        // My Page may run on the same host (other port), and cookies ignore ports: keep names distinct.
        builder.Services.AddAntiforgery(options => options.Cookie.Name = "mock-mynaportal-antiforgery");

        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<MockDbContext>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");

                options.AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange();
                // S256 only: "plain" PKCE gives no protection if the request is seen.
                options.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                options.RegisterScopes(Scopes.OpenId, Scopes.Profile);
                options.RegisterClaims(Claims.Name);

                // Keys live only as long as the process, like AddEphemeral…Key, but without generating
                // two RSA keys per start (seconds each on a busy machine, which timed out the first sign-in):
                // an ECDSA P-256 signing key (ES256 id_tokens) and an AES-256 key for OpenIddict's own tokens.
                options.AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)))
                    .AddSigningKey(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = Guid.NewGuid().ToString("N") })
                    .DisableAccessTokenEncryption();

                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();

                options.AddEventHandler(NonceTampering.Descriptor);
            });

        builder.Services.AddHostedService<Seeder>();

        var app = builder.Build();

        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapConnectEndpoints();
        app.MapMockPages();

        await app.RunAsync();
    }
}
