using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Modal.Client.Internal;

/// <summary>
/// The SDK's resilience pipelines, built on first use: one POST pipeline per app (<see cref="PostResiliencePolicy"/>, so
/// each app has its own circuit breaker) and one for result-URL polls (<see cref="PollResiliencePolicy"/>).
/// <see cref="ModalResilienceHandler"/> runs them. A change of <see cref="ModalClientOptions"/> replaces the table, so the
/// next call of each app builds its pipeline from the new options; calls in flight finish on the old one.
/// </summary>
/// <remarks>
/// Built straight from <see cref="ResiliencePipelineBuilder{TResult}"/>, not through a registry: Polly's registry wraps
/// each pipeline in reload and execution-tracking components (an allocation and two more async steps per attempt), and
/// Microsoft.Extensions.Http.Resilience's <c>AddResilienceHandler</c> also builds a DI registry, telemetry enrichers and
/// per-attempt metering at start-up. The SDK logs its retries and breaker changes and measures its calls itself. Polly's
/// reflection-based check of the strategies' options is skipped (<see cref="PollyValidation"/>): the options come from
/// <see cref="ModalClientOptions"/>, already validated.
/// </remarks>
internal sealed class ModalResiliencePipelines : IDisposable
{
    /// <summary>The key of the poll pipeline; app names are DNS labels and never contain a dot.</summary>
    internal const string PollsKey = "Modal.Client.Results";

    private readonly IOptionsMonitor<ModalClientOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IDisposable? _subscription;
    private ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.Ordinal);

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
        var pipelines = Volatile.Read(ref _pipelines);
        var key = PostResiliencePolicy.PipelineKey(request);
        return pipelines.TryGetValue(key, out var pipeline)
            ? pipeline
            : pipelines.GetOrAdd(key, static (_, self) => self.Build(PostResiliencePolicy.Configure), this);
    }

    /// <summary>The pipeline of every result-URL poll.</summary>
    public ResiliencePipeline<HttpResponseMessage> ForPoll(HttpRequestMessage request)
    {
        var pipelines = Volatile.Read(ref _pipelines);
        return pipelines.TryGetValue(PollsKey, out var pipeline)
            ? pipeline
            : pipelines.GetOrAdd(PollsKey, static (_, self) => self.Build(PollResiliencePolicy.Configure), this);
    }

    public void Dispose() => _subscription?.Dispose();

    private ResiliencePipeline<HttpResponseMessage> Build(Action<ResiliencePipelineBuilder<HttpResponseMessage>, ModalClientOptions, ILogger> policy)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider };
        _ = PollyValidation.TrySkipDataAnnotations(builder);
        policy(builder, _options.CurrentValue, _logger);
        return builder.Build();
    }

    /// <summary>The next call of each app builds its pipeline from the changed options.</summary>
    private void OnOptionsChanged(ModalClientOptions options, string? name)
    {
        if (name is null || name == Options.DefaultName)
        {
            Volatile.Write(ref _pipelines, new ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>>(StringComparer.Ordinal));
        }
    }
}
