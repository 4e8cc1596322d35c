using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MockMynaportal;

/// <summary>
/// Creates the database, the My Page client and the test people. A hosted service rather than code
/// in Main, because under WebApplicationFactory Main never runs past <c>builder.Build()</c>.
/// It starts before the server accepts requests.
/// </summary>
public class Seeder(IServiceProvider services, IOptions<MockSettings> options, IWebHostEnvironment environment) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        Directory.CreateDirectory(Path.GetDirectoryName(settings.DatabasePath(environment.ContentRootPath))!);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MockDbContext>();
        await db.Database.EnsureCreatedAsync(cancellationToken);

        await SeedClientAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), settings, cancellationToken);
        await SeedPeopleAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task SeedClientAsync(IOpenIddictApplicationManager manager, MockSettings settings, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = settings.ClientId,
            ClientSecret = settings.ClientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "求職者マイページ",
            RedirectUris = { settings.RedirectUri },
            PostLogoutRedirectUris = { settings.PostLogoutRedirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + Scopes.OpenId,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };

        // Create or update, so a changed secret or My Page URL takes effect on restart.
        var existing = await manager.FindByClientIdAsync(settings.ClientId, cancellationToken);
        if (existing is null)
        {
            await manager.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await manager.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    private static async Task SeedPeopleAsync(MockDbContext db, CancellationToken cancellationToken)
    {
        var known = await db.People.Select(p => p.Subject).ToListAsync(cancellationToken);
        foreach (var (subject, displayName) in TestPeople.All.Where(p => !known.Contains(p.Subject)))
        {
            db.People.Add(new Person { Subject = subject, DisplayName = displayName });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
