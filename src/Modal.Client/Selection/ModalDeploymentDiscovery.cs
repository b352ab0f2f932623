using System.Text.Json;
using Microsoft.Extensions.Options;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>
/// Asks each app which routes it serves (FastAPI's <c>GET /openapi.json</c>) and tells which catalog endpoints are
/// really deployed. The answer is cached until <see cref="DiscoverAsync"/> is called with <c>refresh: true</c>.
/// </summary>
/// <remarks>Asking a cold app starts its container, which Modal bills for about 5 idle minutes.</remarks>
public sealed class ModalDeploymentDiscovery : IDisposable
{
    private readonly IOptionsMonitor<ModalClientOptions> _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ModalDeploymentReport? _cached;

    internal ModalDeploymentDiscovery(IOptionsMonitor<ModalClientOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
    {
        _options = options;
        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    /// <summary>The last report, if discovery ran.</summary>
    public ModalDeploymentReport? Cached => Volatile.Read(ref _cached);

    /// <summary>Asks every app once (or returns the cached report).</summary>
    /// <param name="refresh">Ask again even when a report is cached.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The status of each current endpoint.</returns>
    public async Task<ModalDeploymentReport> DiscoverAsync(bool refresh = false, CancellationToken cancellationToken = default)
    {
        if (!refresh && Cached is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!refresh && Cached is { } again)
            {
                return again;
            }

            var routes = await Task.WhenAll(ModalApp.All.Select(app => RoutesAsync(app, cancellationToken))).ConfigureAwait(false);
            var byApp = ModalApp.All.Zip(routes).ToDictionary(p => p.First, p => p.Second);
            var endpoints = ModalCatalog.Callable.ToDictionary(
                e => e.Path,
                e => byApp[e.App!] switch
                {
                    { Paths: { } paths } when paths.Contains(e.Path) => (ModalDeploymentStatus.Deployed, $"{e.App} lists {e.Path}."),
                    { Paths: not null } => (ModalDeploymentStatus.Missing, $"{e.App} does not list {e.Path}: a call would answer 404 Not Found."),
                    { Error: var error } => (ModalDeploymentStatus.Unknown, $"{e.App} could not be asked: {error}"),
                },
                StringComparer.Ordinal);
            var report = new ModalDeploymentReport(endpoints, _timeProvider.GetUtcNow());
            Volatile.Write(ref _cached, report);
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(HashSet<string>? Paths, string? Error)> RoutesAsync(ModalApp app, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.CurrentValue.WarmUpTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var url = AppUrlResolver.Combine(AppUrlResolver.Resolve(_options.CurrentValue, app), "/openapi.json");
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await _httpClientFactory.CreateClient(ModalHealthProbe.ProbeClientName).SendAsync(request, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"GET /openapi.json answered {(int)response.StatusCode}.");
            }

            var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: linked.Token).ConfigureAwait(false);
                return document.RootElement.TryGetProperty("paths", out var paths) && paths.ValueKind == JsonValueKind.Object
                    ? (paths.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal), null)
                    : (null, "the answer is not an OpenAPI document.");
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (null, "no answer in time.");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            return (null, ex is JsonException ? "the answer is not JSON." : $"unreachable ({((HttpRequestException)ex).HttpRequestError}).");
        }
    }
}
