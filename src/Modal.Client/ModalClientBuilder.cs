using Microsoft.Extensions.DependencyInjection;
using Modal.Client.Internal;

namespace Modal.Client;

/// <summary>Returned by <c>AddModalClient</c>, to chain further configuration of the SDK.</summary>
public sealed class ModalClientBuilder
{
    internal ModalClientBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection the SDK was added to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds another configuration step for <see cref="ModalClientOptions"/>.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    /// <remarks>
    /// Retry, circuit-breaker and poll settings reload when the options change (the resilience pipelines are rebuilt);
    /// <see cref="ModalClientOptions.MaxConcurrentCallsPerApp"/> and the app URLs of clients already created are read
    /// at start-up.
    /// </remarks>
    public ModalClientBuilder Configure(Action<ModalClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>
    /// Configures each of the SDK's own HttpClients (the POST client of each family, the result-URL poll client and the
    /// health-probe client) after the SDK set up their pipelines and removed the host's defaults: add a header, a
    /// <see cref="DelegatingHandler"/>, a proxy (through <c>ConfigurePrimaryHttpMessageHandler</c>) or a logger.
    /// </summary>
    /// <param name="configure">Called once per client, with its builder (<see cref="IHttpClientBuilder.Name"/> names it).</param>
    /// <returns>This builder.</returns>
    /// <remarks>
    /// Where a handler you add sits: innermost, just before the socket. On a POST it runs once per attempt, inside the
    /// SDK's retry and per-app circuit breaker and after routing (the request already has the app's URL); on a result-URL
    /// poll, once per poll attempt; a handler that throws fails that attempt like a network error would. Replacing the
    /// primary handler replaces the SDK's <see cref="SocketsHttpHandler"/>: keep <c>AllowAutoRedirect = false</c>, or the
    /// 303 result URLs of long calls are followed by the handler instead of the SDK.
    /// </remarks>
    public ModalClientBuilder ConfigureHttpClients(Action<IHttpClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        foreach (var name in ModalClientServiceCollectionExtensions.HttpClientNames)
        {
            configure(Services.AddHttpClient(name));
        }

        return this;
    }
}
