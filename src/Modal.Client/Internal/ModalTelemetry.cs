using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Modal.Client.Internal;

/// <summary>
/// The SDK's traces (<see cref="ActivitySource"/> <c>Modal.Client</c>) and metrics (<see cref="Meter"/> <c>Modal.Client</c>).
/// Names and units are listed in the README's "Observability" section. Prompts are recorded only on opt-in; media never.
/// </summary>
internal sealed class ModalTelemetry : IDisposable
{
    public const string Name = "Modal.Client";

    public static readonly ActivitySource Source = new(Name, typeof(ModalTelemetry).Assembly.GetName().Version?.ToString());

    private readonly Meter _meter;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _calls;
    private readonly Counter<double> _cost;
    private readonly UpDownCounter<long> _active;
    private readonly Counter<long> _polls;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _queue;

    public ModalTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        _duration = _meter.CreateHistogram<double>("modal.client.call.duration", "s", "Wall-clock duration of a logical call, including queueing and result-URL polls.");
        _calls = _meter.CreateCounter<long>("modal.client.calls", "{call}", "Logical calls, by endpoint, app and outcome.");
        _cost = _meter.CreateCounter<double>("modal.client.cost", "USD", "Cost of calls, reported by the server or estimated by the SDK (tag modal.cost.source).");
        _active = _meter.CreateUpDownCounter<long>("modal.client.calls.active", "{call}", "Calls in flight.");
        _polls = _meter.CreateCounter<long>("modal.client.result_url.polls", "{poll}", "GETs of Modal result URLs after a 303.");
        _retries = _meter.CreateCounter<long>("modal.client.retries", "{retry}", "Retried POSTs and result-URL polls.");
        _queue = _meter.CreateHistogram<double>("modal.client.queue.duration", "s", "Time a call waited for a slot of its app's concurrency limit (tag modal.limit.shared: whether the limit counts other processes' calls too).");
    }

    public Activity? StartCall(ModalEndpoint endpoint, long? seed, string? prompt)
    {
        // Nothing is built for a trace or a metric nobody listens to (the activity name, the tags).
        var activity = Source.HasListeners() ? Source.StartActivity($"generate {endpoint.Path}", ActivityKind.Internal) : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("modal.endpoint", endpoint.Path);
            activity.SetTag("modal.app", endpoint.App?.Name);
            activity.SetTag("modal.family", endpoint.Family?.ToString());
            activity.SetTag("modal.seed", seed);
            if (prompt is not null)
            {
                activity.SetTag("modal.prompt", prompt);
            }
        }

        if (_active.Enabled)
        {
            _active.Add(1, Tags(endpoint));
        }

        return activity;
    }

    public void Succeeded(Activity? activity, ModalEndpoint endpoint, GeneratedMedia result, bool limitShared)
    {
        activity?.SetTag("modal.outcome", "success");
        activity?.SetTag("modal.cost_usd", (double)result.Cost.Usd);
        activity?.SetTag("modal.cost_source", CostSource(result.Cost));
        activity?.SetTag("modal.result_url_polls", result.ResultUrlPolls);
        activity?.SetTag("modal.retries", result.Retries);
        activity?.SetTag("modal.call_id", result.CallId);
        activity?.SetTag("modal.limit.shared", limitShared);
        activity?.SetStatus(ActivityStatusCode.Ok);
        Record(endpoint, "success", result.Duration, result.Cost);
        if (_polls.Enabled)
        {
            _polls.Add(result.ResultUrlPolls, Tags(endpoint));
        }

        if (_retries.Enabled)
        {
            _retries.Add(result.Retries, Tags(endpoint));
        }

        if (_queue.Enabled)
        {
            var queueTags = Tags(endpoint);
            queueTags.Add("modal.limit.shared", limitShared);
            _queue.Record(result.QueueTime.TotalSeconds, queueTags);
        }
    }

    public void Failed(Activity? activity, ModalEndpoint endpoint, Exception exception, TimeSpan duration, ModalCost? cost, int retries)
    {
        var outcome = Outcome(exception);
        activity?.SetTag("modal.outcome", outcome);
        activity?.SetTag("error.type", exception.GetType().FullName);
        activity?.SetTag("modal.retries", retries);
        if (exception is ModalException modal)
        {
            activity?.SetTag("modal.call_id", modal.CallId);
            activity?.SetTag("modal.gpu_work_may_have_run", modal.GpuWorkMayHaveRun);
            activity?.SetTag("http.response.status_code", modal.StatusCode);
        }

        if (cost is { } c)
        {
            activity?.SetTag("modal.cost_usd", (double)c.Usd);
            activity?.SetTag("modal.cost_source", CostSource(c));
        }

        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        Record(endpoint, outcome, duration, cost);
        if (_retries.Enabled)
        {
            _retries.Add(retries, Tags(endpoint));
        }
    }

    public void Refused(ModalEndpoint endpoint) => _calls.Add(1, WithOutcome(endpoint, "budget_refused"));

    /// <summary>A call refused before its activity started because a shared limit could not be checked.</summary>
    public void Refused(ModalEndpoint endpoint, ModalSharedLimitsUnavailableException exception)
    {
        var tags = WithOutcome(endpoint, Outcome(exception));
        tags.Add("modal.limit", exception.Limit);
        _calls.Add(1, tags);
    }

    public void Ended(ModalEndpoint endpoint)
    {
        if (_active.Enabled)
        {
            _active.Add(-1, Tags(endpoint));
        }
    }

    public void Dispose() => _meter.Dispose();

    internal static string Outcome(Exception exception) => exception switch
    {
        OperationCanceledException => "cancelled",
        ModalTimeoutException => "timeout",
        ModalApiException => "app_error",
        ModalEndpointNotDeployedException => "not_deployed",
        ModalLoraNotFoundException => "lora_not_found",
        ModalPlatformException => "platform_error",
        ModalTransportException => "transport_error",
        ModalInvalidResponseException => "invalid_response",
        ModalResultLostException => "result_lost",
        ModalCircuitOpenException => "circuit_open",
        ModalBudgetExceededException => "budget_refused",
        ModalSharedLimitsUnavailableException => "limits_unavailable",
        _ => "error",
    };

    private void Record(ModalEndpoint endpoint, string outcome, TimeSpan duration, ModalCost? cost)
    {
        if (!_calls.Enabled && !_duration.Enabled && !_cost.Enabled)
        {
            return;
        }

        var tags = WithOutcome(endpoint, outcome);
        _calls.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
        if (cost is { } c && _cost.Enabled)
        {
            _cost.Add((double)c.Usd, new TagList
            {
                { "modal.endpoint", endpoint.Path },
                { "modal.family", endpoint.Family?.ToString() },
                { "modal.cost.source", CostSource(c) },
            });
        }
    }

    private static string CostSource(ModalCost cost) => cost.IsEstimate ? "estimated" : "reported";

    private static TagList Tags(ModalEndpoint endpoint) => new()
    {
        { "modal.endpoint", endpoint.Path },
        { "modal.app", endpoint.App?.Name },
    };

    private static TagList WithOutcome(ModalEndpoint endpoint, string outcome)
    {
        var tags = Tags(endpoint);
        tags.Add("modal.outcome", outcome);
        return tags;
    }
}
