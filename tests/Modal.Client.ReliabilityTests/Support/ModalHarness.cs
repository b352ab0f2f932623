using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Modal.Client.Testing;

namespace Modal.Client.ReliabilityTests.Support;

/// <summary>
/// The real <c>AddModalClient</c> pipeline, built by dependency injection and pointed at a fake deployment, with every
/// log line captured. One harness per test gives each test its own connection pools and circuit breakers.
/// </summary>
internal sealed class ModalHarness : IDisposable
{
    private readonly ServiceProvider _provider;

    public ModalHarness(FakeModalDeployment fake, Action<ModalClientOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        Fake = fake;
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
        collection.AddModalClient(o =>
        {
            o.UseFakeDeployment(fake);
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(o);
        });
        services?.Invoke(collection);
        _provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Client = _provider.GetRequiredService<IModalClient>();
    }

    public FakeModalDeployment Fake { get; }

    public IModalClient Client { get; }

    public IServiceProvider Services => _provider;

    public FakeLogCollector Logs { get; } = new();

    public void Dispose() => _provider.Dispose();
}

/// <summary>Test seams on the SDK's HTTP pipeline that need no internal names.</summary>
internal static class PipelineSeams
{
    /// <summary>
    /// Wraps the primary handler of every named HttpClient (the SDK's own <c>SocketsHttpHandler</c> included) in
    /// <paramref name="wrap"/>. Registered after <c>AddModalClient</c>, so it runs after the SDK configured its handler.
    /// </summary>
    public static IServiceCollection WrapPrimaryHandlers(this IServiceCollection services, Func<HttpMessageHandler, HttpMessageHandler> wrap)
        => services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = wrap(b.PrimaryHandler)));

    /// <summary>A loopback URL on which nothing listens: connecting is refused before any byte is sent.</summary>
    public static Uri ClosedPortUrl()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
