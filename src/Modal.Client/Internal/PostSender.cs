using System.Runtime.CompilerServices;

namespace Modal.Client.Internal;

/// <summary>
/// Sends the POST that starts the GPU job through the family's Refit method. The <see cref="ModalCall"/> rides on the
/// request (Refit <c>[Property]</c>), where <see cref="ModalResilienceHandler"/> (retry, per-app circuit breaker, attempt
/// tracking) and the routing handler read it.
/// </summary>
internal static class PostSender
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<HttpResponseMessage> SendAsync<TApi, TRequest>(
        ModalCall call,
        TRequest request,
        TApi api,
        Func<TApi, TRequest, ModalCall, CancellationToken, Task<HttpResponseMessage>> send,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        call.Progress.Report(ModalCallStage.Sending);
        call.MarkSending();
        using (call.Progress.Heartbeat(timeProvider))
        {
            var response = await send(api, request, call, cancellationToken).ConfigureAwait(false);
            call.CallId = ModalHeaders.CallId(response) ?? call.CallId;
            return response;
        }
    }
}
