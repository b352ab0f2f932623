using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modal.Client.Internal;
using Refit;

namespace Modal.Client;

/// <summary>Registers Modal.Client in a service collection.</summary>
public static class ModalClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IModalClient"/> (and each family client) configured in code. Calling it again only adds the
    /// configuration step; the clients are registered once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, for example <c>o =&gt; o.Workspace = "ryla"</c>.</param>
    /// <returns>A builder for further configuration.</returns>
    public static ModalClientBuilder AddModalClient(this IServiceCollection services, Action<ModalClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return services.AddModalClientCore();
    }

    /// <summary>
    /// Adds <see cref="IModalClient"/> (and each family client) bound to a configuration section, for example
    /// <c>builder.Configuration.GetSection("Modal")</c> with keys <c>Workspace</c>, <c>BaseUrl</c>, <c>AppUrls:ryla-flux</c>,
    /// <c>Timeout</c> and <c>EndpointTimeouts:/seedvr2</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section that holds the options.</param>
    /// <returns>A builder for further configuration.</returns>
    public static ModalClientBuilder AddModalClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ModalClientOptions>().Bind(configuration);
        return services.AddModalClientCore();
    }

    private static ModalClientBuilder AddModalClientCore(this IServiceCollection services)
    {
        var builder = new ModalClientBuilder(services);
        if (services.Any(d => d.ServiceType == typeof(ModalCallRunner)))
        {
            return builder;
        }

        services.AddOptions<ModalClientOptions>().ValidateOnStart();
        AddClosedOptionsServices<ModalClientOptions>(services);
        AddClosedOptionsServices<HttpClientFactoryOptions>(services);
        AddClosedOptionsServices<LoggerFilterOptions>(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModalClientOptions>, ModalClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<ModalRoutingHandler>();
        services.TryAddTransient<ProxyAuthHandler>();
        services.TryAddSingleton<ModalCallRunner>();
        services.TryAddSingleton<AppSlotGate>();
        // Loggers from the factory rather than ILogger<T>: no Logger<T> type built at run time (see AddClosedOptionsServices).
        services.TryAddSingleton(static sp => new ResultPoller(
            sp.GetRequiredService<IHttpClientFactory>(), Options(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<ResultPoller>()));
        services.TryAddSingleton<ResultReader>();
        services.TryAddSingleton(static sp => new CallAccounting(
            sp.GetRequiredService<ModalCostLedger>(), sp.GetRequiredService<ModalTelemetry>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<ModalCallRunner>()));
        services.TryAddSingleton<ResultDestinations>();
        services.TryAddSingleton<ModalResiliencePipelines>();
        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton<ModalTelemetry>();
        services.TryAddSingleton<IModalSlotLimiter>(_ => new ModalProcessSlotLimiter());
        services.TryAddSingleton<IModalSpendStore>(sp => new ModalProcessSpendStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ModalCostLedger(Options(sp), sp.GetRequiredService<IModalSpendStore>()));
        services.TryAddSingleton<ModalHealthProbe>();
        services.TryAddTransient<ModalAppsHealthCheck>();
        services.TryAddSingleton(sp => new ModalDeploymentDiscovery(
            Options(sp), sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddTransient(sp => new ModelSelector(
            sp.GetRequiredService<IModalClient>(),
            sp.GetRequiredService<ModalDeploymentDiscovery>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<ModelSelector>()));
        services.TryAddTransient<IModelSelector>(sp => sp.GetRequiredService<ModelSelector>());
        services.TryAddTransient(sp => new ModalBatch(
            sp.GetRequiredService<IModalClient>(), Options(sp), sp.GetRequiredService<TimeProvider>()));

        // Refit must send our content as it is: with its Content-Length, streamed while it is sent. Buffered = true would
        // load it whole into memory first (a 50 MiB video: 82 MB); Buffered = false alone would re-wrap it in a chunked
        // push stream. Streamed serialization through ModalContentSerializer (an ISynchronousContentSerializer) does neither.
        var settings = new RefitSettings(new ModalContentSerializer())
        {
            Buffered = false,
            RequestBodySerialization = RequestBodySerializationMode.Streamed,
        };
        AddApi<IFluxApi>(services, settings);
        AddApi<ISdxlApi>(services, settings);
        AddApi<IQwenApi>(services, settings);
        AddApi<IZImageApi>(services, settings);
        AddApi<IFaceApi>(services, settings);
        AddApi<IVideoApi>(services, settings);
        AddApi<IEditApi>(services, settings);
        AddApi<IUpscaleApi>(services, settings);
        ConfigurePolls(OwnPipeline(services.AddHttpClient(ResultPoller.ClientName)));
        OwnPipeline(services.AddHttpClient(ModalHealthProbe.ProbeClientName));

        services.TryAddTransient<IFluxClient, FluxClient>();
        services.TryAddTransient<ISdxlClient, SdxlClient>();
        services.TryAddTransient<IQwenClient, QwenClient>();
        services.TryAddTransient<IZImageClient, ZImageClient>();
        services.TryAddTransient<IFaceClient, FaceClient>();
        services.TryAddTransient<IVideoClient, VideoClient>();
        services.TryAddTransient<IEditClient, EditClient>();
        services.TryAddTransient<IUpscaleClient, UpscaleClient>();
        services.TryAddTransient<IModalClient, ModalClient>();
        return builder;
    }

    private static IOptionsMonitor<ModalClientOptions> Options(IServiceProvider services)
        => services.GetRequiredService<IOptionsMonitor<ModalClientOptions>>();

    /// <summary>
    /// Closed registrations of the options services of <typeparamref name="TOptions"/> (the SDK's options, and the
    /// options of the <see cref="IHttpClientFactory"/> and <see cref="ILoggerFactory"/> every call uses), created as
    /// Microsoft.Extensions.Options creates them: the container then resolves them without constructing generic types at
    /// run time from the open registrations, which Native AOT does through its type loader, slowly, in every process's
    /// first call. A service the application registered itself is kept.
    /// </summary>
    private static void AddClosedOptionsServices<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceCollection services)
        where TOptions : class
    {
        services.TryAddSingleton<IOptionsMonitorCache<TOptions>>(static _ => new OptionsCache<TOptions>());
        services.TryAddTransient<IOptionsFactory<TOptions>>(static sp => new OptionsFactory<TOptions>(
            sp.GetServices<IConfigureOptions<TOptions>>(), sp.GetServices<IPostConfigureOptions<TOptions>>(), sp.GetServices<IValidateOptions<TOptions>>()));
        services.TryAddSingleton<IOptionsMonitor<TOptions>>(static sp => new OptionsMonitor<TOptions>(
            sp.GetRequiredService<IOptionsFactory<TOptions>>(), sp.GetServices<IOptionsChangeTokenSource<TOptions>>(), sp.GetRequiredService<IOptionsMonitorCache<TOptions>>()));
    }

    /// <summary>The names of the SDK's own HttpClients: one per family for the POSTs, one for result-URL polls, one for probes.</summary>
    internal static IReadOnlyList<string> HttpClientNames { get; } =
    [
        ApiClientName<IFluxApi>(), ApiClientName<ISdxlApi>(), ApiClientName<IQwenApi>(), ApiClientName<IZImageApi>(),
        ApiClientName<IFaceApi>(), ApiClientName<IVideoApi>(), ApiClientName<IEditApi>(), ApiClientName<IUpscaleApi>(),
        ResultPoller.ClientName, ModalHealthProbe.ProbeClientName,
    ];

    /// <summary>
    /// Registers one family's Refit interface over its own named, SDK-owned HttpClient, using Refit's source-generated
    /// implementation (no reflection, trimming and AOT safe) and <see cref="ModalContentSerializer"/>.
    /// </summary>
    private static void AddApi<TApi>(IServiceCollection services, RefitSettings settings)
        where TApi : class
    {
        var name = ApiClientName<TApi>();
        ConfigurePosts(OwnPipeline(services.AddHttpClient(name)));
        services.TryAddTransient(sp => RestService.ForGenerated<TApi>(sp.GetRequiredService<IHttpClientFactory>().CreateClient(name), settings));
    }

    private static string ApiClientName<TApi>() => "Modal.Client." + typeof(TApi).Name[1..];

    /// <summary>
    /// The SDK owns its clients' pipeline (Appendix P14): handlers a host adds to every client (for example the standard
    /// resilience handler of .NET Aspire's service defaults, with 10 s / 30 s timeouts and POST retries) are removed,
    /// redirects are handled by the SDK (never re-POSTed), HttpClient's own 100 s timeout is replaced by the call budget,
    /// and IHttpClientFactory's request loggers are removed: they put raw header values (the proxy-auth secret) in their
    /// structured state even when the text is redacted. The SDK logs each call itself, without headers or bodies.
    /// </summary>
    private static IHttpClientBuilder OwnPipeline(IHttpClientBuilder builder)
        => builder
            .ConfigureHttpClient(client =>
            {
                client.BaseAddress = ModalRoutingHandler.UnroutedBaseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(30),
            })
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear())
            .RemoveAllLoggers()
            .AddHttpMessageHandler<ProxyAuthHandler>();

    /// <summary>
    /// POSTs: proxy auth, then <see cref="PostResiliencePolicy"/> (retry while the job cannot have started; one circuit
    /// breaker per app, selected by the call on the request; each attempt recorded by <see cref="AttemptTracker"/>), then
    /// routing to the app.
    /// The options reload: a changed retry or breaker setting rebuilds the pipelines.
    /// </summary>
    private static void ConfigurePosts(IHttpClientBuilder builder)
        => builder
            .AddHttpMessageHandler(static sp => new ModalResilienceHandler(sp.GetRequiredService<ModalResiliencePipelines>().ForPost, tracksAttempts: true))
            .AddHttpMessageHandler<ModalRoutingHandler>();

    /// <summary>Result-URL polls: proxy auth, then <see cref="PollResiliencePolicy"/> (retries and a per-attempt timeout, no breaker).</summary>
    private static void ConfigurePolls(IHttpClientBuilder builder)
        => builder.AddHttpMessageHandler(static sp => new ModalResilienceHandler(sp.GetRequiredService<ModalResiliencePipelines>().ForPoll, tracksAttempts: false));
}
