using System.Runtime.CompilerServices;
using Polly;

namespace Modal.Client.Internal;

/// <summary>
/// Sends a request through its resilience pipeline (<see cref="ModalResiliencePipelines"/>): each attempt goes down the
/// rest of the handler chain with the same <see cref="HttpRequestMessage"/>, and the pipeline's predicates and callbacks
/// read the call from the context (<see cref="CallOf"/>). For POSTs (<paramref name="tracksAttempts"/>) it also records
/// what each attempt means for billing (<see cref="AttemptTracker"/>). Leaner than Microsoft.Extensions.Http.Resilience's
/// handler, which also looks up request metadata for telemetry enrichers the SDK does not use.
/// </summary>
/// <param name="pipelineOf">The pipeline of a request.</param>
/// <param name="tracksAttempts">Whether each attempt is a POST that may start paid GPU work.</param>
internal sealed class ModalResilienceHandler(Func<HttpRequestMessage, ResiliencePipeline<HttpResponseMessage>> pipelineOf, bool tracksAttempts) : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<ModalCall?> CallKey = new("Modal.Client.Call");

    private readonly bool _tracksAttempts = tracksAttempts;

    /// <summary>The call whose attempt an outcome belongs to; <see langword="null"/> for a request the SDK did not start.</summary>
    public static ModalCall? CallOf(ResilienceContext context)
        => context.Properties.TryGetValue(CallKey, out var call) ? call : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pipeline = pipelineOf(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, ModalCall.Of(request));
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(AttemptAsync, context, (Handler: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        => throw new NotSupportedException("Modal.Client sends asynchronously only.");

    /// <summary>One attempt: the rest of the handler chain, with what it means for billing recorded on a POST's call.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(ResilienceContext context, (ModalResilienceHandler Handler, HttpRequestMessage Request) state)
    {
        var call = state.Handler._tracksAttempts ? CallOf(context) : null;
        if (call is not null)
        {
            AttemptTracker.Started(call);
        }

        try
        {
            var response = await state.Handler.SendAttemptAsync(state.Request, context.CancellationToken).ConfigureAwait(false);
            if (call is not null)
            {
                AttemptTracker.Answered(call, response);
            }

            return Outcome.FromResult(response);
        }
        catch (Exception exception)
        {
            if (call is not null)
            {
                AttemptTracker.Failed(call, exception);
            }

            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => base.SendAsync(request, cancellationToken);
}
