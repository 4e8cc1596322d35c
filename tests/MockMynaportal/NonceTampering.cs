using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace MockMynaportal;

/// <summary>
/// With <c>MockMynaportal:TamperNonce</c> on, replaces the nonce in every identity token with a
/// value the client never sent, so tests can prove the client rejects it.
/// </summary>
public class NonceTampering(IOptionsMonitor<MockSettings> settings) : IOpenIddictServerHandler<ProcessSignInContext>
{
    // After OpenIddict copies the request's nonce into the identity token principal,
    // and before it turns that principal into the token.
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<NonceTampering>()
            .SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (settings.CurrentValue.TamperNonce && context.IdentityTokenPrincipal is { } principal)
        {
            principal.SetClaim(Claims.Nonce, "tampered-" + Guid.NewGuid().ToString("N"));
        }

        return ValueTask.CompletedTask;
    }
}
