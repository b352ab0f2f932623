using Microsoft.Extensions.Options;

namespace Modal.Client.Internal;

/// <summary>
/// Sends each endpoint's request to the app that serves it. The Refit clients are built on a placeholder base address
/// (<see cref="UnroutedBaseAddress"/>, a reserved <c>.invalid</c> host); this handler replaces it with the app's base URL
/// from the catalog and the options. Absolute URLs (result URLs behind a 303) pass through untouched.
/// </summary>
internal sealed class ModalRoutingHandler(IOptionsMonitor<ModalClientOptions> options) : DelegatingHandler
{
    /// <summary>The base address of the Refit clients: never resolvable, so an unrouted request cannot leave the machine.</summary>
    public static readonly Uri UnroutedBaseAddress = new("http://unrouted.modal-client.invalid/");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.Host == UnroutedBaseAddress.Host)
        {
            if (!ModalCatalog.TryFind(uri.AbsolutePath, out var endpoint) || endpoint.App is null)
            {
                throw new InvalidOperationException($"'{uri.AbsolutePath}' is not a current endpoint of the catalog.");
            }

            request.RequestUri = AppUrlResolver.Combine(AppUrlResolver.Resolve(options.CurrentValue, endpoint.App), uri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
