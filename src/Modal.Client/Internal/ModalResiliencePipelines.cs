using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace Modal.Client.Internal;

/// <summary>
/// The SDK's resilience pipelines, built on first use and kept in a Polly registry: one POST pipeline per app
/// (<see cref="PostResiliencePolicy"/>, so each app has its own circuit breaker) and one for result-URL polls
/// (<see cref="PollResiliencePolicy"/>). A change of <see cref="ModalClientOptions"/> rebuilds them. <see cref="ModalResilienceHandler"/>
/// runs them. Microsoft.Extensions.Http.Resilience's <c>AddResilienceHandler</c> would instead build a DI registry,
/// telemetry enrichers and a pipeline per named client at start-up, and time every attempt for metrics nobody asked
/// for: the SDK logs its retries and breaker changes and measures its calls itself.
/// </summary>
internal sealed class ModalResiliencePipelines : IAsyncDisposable, IDisposable
{
    /// <summary>The key of the poll pipeline; app names are DNS labels and never contain a dot.</summary>
    internal const string PollsKey = "Modal.Client.Results";

    private readonly ResiliencePipelineRegistry<string> _registry = new();
    private readonly IOptionsMonitor<ModalClientOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IDisposable? _subscription;
    private CancellationTokenSource _reload = new();

    public ModalResiliencePipelines(IOptionsMonitor<ModalClientOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger("Modal.Client.Resilience");
        _subscription = options.OnChange(OnOptionsChanged);
    }

    /// <summary>The pipeline of a POST: its app's, read from the call on the request.</summary>
    public ResiliencePipeline<HttpResponseMessage> ForPost(HttpRequestMessage request)
    {
        var key = PostResiliencePolicy.PipelineKey(request);
        return _registry.TryGetPipeline<HttpResponseMessage>(key, out var pipeline)
            ? pipeline
            : _registry.GetOrAddPipeline<HttpResponseMessage>(key, (builder, context) => Configure(builder, context, PostResiliencePolicy.Configure));
    }

    /// <summary>The pipeline of every result-URL poll.</summary>
    public ResiliencePipeline<HttpResponseMessage> ForPoll(HttpRequestMessage request)
        => _registry.TryGetPipeline<HttpResponseMessage>(PollsKey, out var pipeline)
            ? pipeline
            : _registry.GetOrAddPipeline<HttpResponseMessage>(PollsKey, (builder, context) => Configure(builder, context, PollResiliencePolicy.Configure));

    public void Dispose()
    {
        _subscription?.Dispose();
        _registry.Dispose();
        _reload.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await _registry.DisposeAsync().ConfigureAwait(false);
        _reload.Dispose();
    }

    private void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        ConfigureBuilderContext<string> context,
        Action<ResiliencePipelineBuilder<HttpResponseMessage>, ModalClientOptions, ILogger> policy)
    {
        builder.TimeProvider = _timeProvider;
        context.AddReloadToken(Volatile.Read(ref _reload).Token);
        policy(builder, _options.CurrentValue, _logger);
    }

    /// <summary>Rebuilds every pipeline (Polly lets calls in flight finish on the old one) after the options changed.</summary>
    private void OnOptionsChanged(ModalClientOptions options, string? name)
    {
        if (name is not null && name != Options.DefaultName)
        {
            return;
        }

        var previous = Interlocked.Exchange(ref _reload, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }
}
