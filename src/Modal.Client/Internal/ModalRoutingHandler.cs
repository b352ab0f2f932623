using Microsoft.Extensions.Options;

namespace Modal.Client.Internal;

/// <summary>
/// Sends each endpoint's request to the app that serves it. The Refit clients are built on a placeholder base address
/// (<see cref="UnroutedBaseAddress"/>, a reserved <c>.invalid</c> host); this handler replaces it with the base URL of the
/// app of the <see cref="ModalCall"/> the request carries (from the catalog and the options; no path parsing). Absolute
/// URLs (result URLs behind a 303) pass through untouched.
/// </summary>
internal sealed class ModalRoutingHandler(IOptionsMonitor<ModalClientOptions> options) : DelegatingHandler
{
    /// <summary>The base address of the Refit clients: never resolvable, so an unrouted request cannot leave the machine.</summary>
    public static readonly Uri UnroutedBaseAddress = new("http://unrouted.modal-client.invalid/");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.Host == UnroutedBaseAddress.Host)
        {
            var app = ModalCall.Of(request)?.App
                ?? throw new InvalidOperationException($"'{uri.AbsolutePath}' was sent without its call: requests to Modal go through IModalClient.");
            request.RequestUri = AppUrlResolver.Combine(AppUrlResolver.Resolve(options.CurrentValue, app), uri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
