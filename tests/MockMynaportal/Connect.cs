using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MockMynaportal;

/// <summary>
/// The passthrough parts of the OpenID Connect endpoints. OpenIddict validates the requests
/// before they get here; the token endpoint is handled by OpenIddict alone.
/// </summary>
public static class ConnectEndpoints
{
    public static void MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeAsync);
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], (Delegate)LogoutAsync);
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, MockDbContext db)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var person = await SignedInPersonAsync(http, db);
        if (person is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(
                    new AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "マイナポータルにログインしていません。",
                    }),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            // The cookie handler sends this to /login?returnUrl=..., which comes back here after sign-in.
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = LocalAuthorizeUrl(http) },
                [MockProgram.CookieScheme]);
        }

        var identity = new ClaimsIdentity(
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Subject)
            .SetClaim(Claims.Name, person.DisplayName);
        identity.SetScopes(request.GetScopes().Intersect([Scopes.OpenId, Scopes.Profile]));
        identity.SetDestinations(static claim => claim.Type switch
        {
            Claims.Subject or Claims.Name => [Destinations.IdentityToken, Destinations.AccessToken],
            _ => [Destinations.AccessToken],
        });

        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(MockProgram.CookieScheme);

        // OpenIddict redirects to the validated post_logout_redirect_uri; "/" is used when none was given.
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>The person signed in at the mock, if any (and still in the database).</summary>
    public static async Task<Person?> SignedInPersonAsync(HttpContext http, MockDbContext db)
    {
        var login = await http.AuthenticateAsync(MockProgram.CookieScheme);
        var subject = login.Principal?.FindFirstValue(Claims.Subject);
        return subject is null ? null : await db.People.SingleOrDefaultAsync(p => p.Subject == subject);
    }

    // Rebuilt from the raw parameters so that POSTed authorization requests survive the login detour.
    private static string LocalAuthorizeUrl(HttpContext http)
    {
        var parameters = http.Request.HasFormContentType ? http.Request.Form.ToList() : http.Request.Query.ToList();
        return http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
    }
}
