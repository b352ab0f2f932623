using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.Logging;
using WireMock.Server;

namespace Modal.Client.Tests.Support;

/// <summary>
/// A WireMock server on a dynamic loopback port with each Modal app mounted under its own path prefix
/// (<c>/ryla-flux/flux</c>), so one server proves that every endpoint reaches its own app; plus the real
/// <c>AddModalClient</c> pipeline pointed at it.
/// </summary>
internal sealed class WireMockModal : IDisposable
{
    private readonly ServiceProvider _provider;

    public WireMockModal(Action<ModalClientOptions>? configure = null, FakeLogCollector? logs = null, Action<IServiceCollection>? configureServices = null)
    {
        Server = WireMockServer.Start();
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        }

        services.AddModalClient(o =>
        {
            foreach (var app in ModalApp.All)
            {
                o.AppUrls[app.Name] = AppUrl(app);
            }

            configure?.Invoke(o);
        });
        configureServices?.Invoke(services);
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IModalClient>();
    }

    public WireMockServer Server { get; }

    public IModalClient Client { get; }

    public IServiceProvider Services => _provider;

    public Uri AppUrl(ModalApp app) => new($"{Server.Url}/{app.Name}/");

    /// <summary>The path at which an endpoint of an app is served on this server.</summary>
    public static string PathOf(ModalApp app, string endpoint) => $"/{app.Name}{endpoint}";

    public IReadOnlyList<ILogEntry> Requests => [.. Server.LogEntries];

    public JsonObject SingleJsonBody()
    {
        var entry = Assert.Single(Requests);
        return JsonNode.Parse(entry.RequestMessage!.Body!)!.AsObject();
    }

    public void Dispose()
    {
        _provider.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}
