using Modal.Client.Testing.Internal;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Modal.Client.Testing;

/// <summary>
/// A fake Modal deployment on loopback: the 21 endpoints of the six RYLA apps, answering as the wire contract says
/// (labels, error shapes, 303 result URLs, platform errors), with scripted faults and a request journal. Built on
/// WireMock.Net; no internet, dynamic ports.
/// </summary>
/// <example>
/// <code>
/// await using var fake = FakeModalDeployment.Start(new() { SyncLimit = TimeSpan.FromMilliseconds(50) });
/// fake.Endpoint("/flux").Inject(FakeFault.WorkflowFailure, times: 1);
/// var options = new ModalClientOptions().UseFakeDeployment(fake);
/// // ... call the SDK, then:
/// Assert.Equal(2, fake.Journal.GpuRunCount("/flux"));
/// </code>
/// </example>
public sealed class FakeModalDeployment : IDisposable, IAsyncDisposable
{
    /// <summary>The <c>app</c> that <c>GET /health</c> reports in single-port mode, where one port serves every app.</summary>
    public const string SinglePortAppName = "ryla-fake-deployment";

    private readonly DeploymentCore core;
    private readonly List<WireMockServer> servers;
    private readonly Uri? baseUrl;
    private int disposed;

    private FakeModalDeployment(DeploymentCore core, List<WireMockServer> servers, Uri? baseUrl, Dictionary<string, Uri> appUrls)
    {
        this.core = core;
        this.servers = servers;
        this.baseUrl = baseUrl;
        AppUrls = appUrls;
        Endpoints = [.. core.Endpoints.Values];
    }

    /// <summary>
    /// The one base URL of every app in single-port mode, for <see cref="ModalClientOptions.BaseUrl"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The deployment runs one port per app; use <see cref="AppUrls"/>.</exception>
    public Uri BaseUrl => baseUrl ?? throw new InvalidOperationException(
        "This fake runs one port per app (PortPerApp = true), so it has no single BaseUrl. Use AppUrls or UseFakeDeployment(options, fake).");

    /// <summary>Base URL per app name (<see cref="ModalApp.Name"/>); in single-port mode every app has the same URL.</summary>
    public IReadOnlyDictionary<string, Uri> AppUrls { get; }

    /// <summary>
    /// All 21 endpoints, in catalog order, including /sdxl-turbo and /sdxl-lightning, which answer 404 unless
    /// <see cref="FakeModalDeploymentOptions.ServeDeletedSdxlRoutes"/> is set.
    /// </summary>
    public IReadOnlyList<FakeEndpoint> Endpoints { get; }

    /// <summary>What the fake received, with per-endpoint counters.</summary>
    public FakeJournal Journal => core.Journal;

    /// <summary>Starts the fake on loopback with dynamic ports.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <returns>The running deployment; dispose it to stop the servers.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="FakeModalDeploymentOptions.SyncLimit"/> is not positive or
    /// <see cref="FakeModalDeploymentOptions.DefaultGenerationTime"/> is negative.
    /// </exception>
    public static FakeModalDeployment Start(FakeModalDeploymentOptions? options = null)
    {
        options ??= new FakeModalDeploymentOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SyncLimit, TimeSpan.Zero, "options.SyncLimit");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DefaultGenerationTime, TimeSpan.Zero, "options.DefaultGenerationTime");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");

        var core = new DeploymentCore(options);
        var servers = new List<WireMockServer>();
        try
        {
            var appUrls = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
            Uri? single = null;
            if (options.PortPerApp)
            {
                foreach (var app in ModalApp.All)
                {
                    appUrls[app.Name] = StartServer(core, app.Name, servers);
                }
            }
            else
            {
                single = StartServer(core, null, servers);
                foreach (var app in ModalApp.All)
                {
                    appUrls[app.Name] = single;
                }
            }

            foreach (var endpoint in ModalCatalog.Callable)
            {
                var spec = EndpointSpec.For(endpoint);
                var served = !spec.IsSdxlTurboOrLightning || options.ServeDeletedSdxlRoutes;
                core.Endpoints[spec.Path] = new FakeEndpoint(spec, new Uri(appUrls[spec.App], spec.Path), served);
            }

            return new FakeModalDeployment(core, servers, single, appUrls);
        }
        catch
        {
            Stop(core, servers);
            throw;
        }
    }

    /// <summary>The handle of one endpoint, to script faults and durations.</summary>
    /// <param name="path">The route, with or without the leading slash, for example <c>/flux</c>.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not one of the 21 endpoints.</exception>
    public FakeEndpoint Endpoint(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var normalized = path.StartsWith('/') ? path : "/" + path;
        return core.Endpoints.TryGetValue(normalized, out var endpoint)
            ? endpoint
            : throw new ArgumentException(
                $"'{path}' is not an endpoint of the fake. Known endpoints: {string.Join(", ", core.Endpoints.Keys)}.",
                nameof(path));
    }

    /// <summary>
    /// Back to a fresh start: clears the journal, every queued fault, every per-endpoint generation time and every
    /// pending result URL (which then answer 408).
    /// </summary>
    public void Reset() => core.Reset();

    /// <summary>Stops the servers; requests still held are aborted.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            Stop(core, servers);
        }
    }

    /// <summary>Stops the servers; requests still held are aborted.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static Uri StartServer(DeploymentCore core, string? app, List<WireMockServer> servers)
    {
        var router = new FakeRouter(core, app);
        var settings = new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,
            MaxRequestLogCount = 0,
            DoNotSaveDynamicResponseInLogEntry = true,
            Logger = new WireMockNullLogger(),
            PreWireMockMiddlewareInit = builder => TransportMiddleware.Install(builder, core),
        };

        var server = WireMockServer.Start(settings);
        servers.Add(server);
        router.BaseUrl = server.Url!.TrimEnd('/');
        server
            .Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(router.HandleAsync));
        return new Uri(router.BaseUrl + "/");
    }

    private static void Stop(DeploymentCore core, List<WireMockServer> servers)
    {
        core.Stop();
        foreach (var server in servers)
        {
            server.Stop();
            server.Dispose();
        }

        core.Dispose();
    }
}
