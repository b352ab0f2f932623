using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Modal.Client.Internal;

/// <summary>
/// Sends each endpoint's request to the app that serves it. The Refit clients are built on a placeholder base address
/// (<see cref="UnroutedBaseAddress"/>, a reserved <c>.invalid</c> host); this handler replaces it with the base URL of the
/// app of the <see cref="ModalCall"/> the request carries (from the catalog and the options; no path parsing). Absolute
/// URLs (result URLs behind a 303) pass through untouched.
/// </summary>
/// <remarks>
/// The routed URI of an endpoint is the same for every call under one options snapshot, so it is built once per
/// (options, app, path) and shared (a <see cref="Uri"/> is immutable). A reload yields a new options instance and so a
/// fresh table; the old one goes with the old instance.
/// </remarks>
internal sealed class ModalRoutingHandler(IOptionsMonitor<ModalClientOptions> options) : DelegatingHandler
{
    /// <summary>The base address of the Refit clients: never resolvable, so an unrouted request cannot leave the machine.</summary>
    public static readonly Uri UnroutedBaseAddress = new("http://unrouted.modal-client.invalid/");

    /// <summary>More than the 21 endpoints' paths: a bound, so unexpected query strings cannot grow the table.</summary>
    private const int MaxRoutes = 256;

    private static readonly ConditionalWeakTable<ModalClientOptions, ConcurrentDictionary<(string App, string Unrouted), Uri>> Routes = new();

    /// <summary>The text every URI that the HttpClient built on <see cref="UnroutedBaseAddress"/> starts with.</summary>
    private static readonly string UnroutedPrefix = UnroutedBaseAddress.OriginalString;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && IsUnrouted(uri))
        {
            var app = ModalCall.Of(request)?.App
                ?? throw new InvalidOperationException($"'{uri.AbsolutePath}' was sent without its call: requests to Modal go through IModalClient.");
            request.RequestUri = Route(options.CurrentValue, app, uri);
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>The URI of <paramref name="pathAndQuery"/> on <paramref name="app"/> under <paramref name="settings"/>, built once.</summary>
    internal static Uri Route(ModalClientOptions settings, ModalApp app, string pathAndQuery)
        => Route(settings, app, new Uri(UnroutedBaseAddress, pathAndQuery));

    /// <summary>
    /// Whether <paramref name="uri"/> still points at the placeholder host. The POSTs' URIs are recognised by their text,
    /// without parsing out the host (which would allocate for every call); any other URI is checked by its host.
    /// </summary>
    private static bool IsUnrouted(Uri uri)
        => uri.OriginalString.StartsWith(UnroutedPrefix, StringComparison.Ordinal) || uri.Host == UnroutedBaseAddress.Host;

    /// <summary>The routed URI of an unrouted one, looked up by its text (no parsing) and built once.</summary>
    private static Uri Route(ModalClientOptions settings, ModalApp app, Uri unrouted)
    {
        var table = Routes.GetValue(settings, static _ => new ConcurrentDictionary<(string, string), Uri>());
        var key = (app.Name, unrouted.OriginalString);
        if (table.TryGetValue(key, out var routed))
        {
            return routed;
        }

        routed = AppUrlResolver.Combine(AppUrlResolver.Resolve(settings, app), unrouted.PathAndQuery);
        return table.Count < MaxRoutes ? table.GetOrAdd(key, routed) : routed;
    }
}
