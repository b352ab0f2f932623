namespace Modal.Client.Internal;

/// <summary>
/// Records on the <see cref="ModalCall"/> what each POST attempt means for billing. It sits inside the retry strategy, so
/// it sees every attempt: one that was refused before it could start work (a refused connection, 429, Modal's 503) leaves
/// the call at "nothing ran"; any other answer or failure after the request left marks that GPU work may have run.
/// </summary>
internal sealed class AttemptTracker : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = ModalCall.Of(request);
        if (call is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        call.AttemptStarted();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ModalOutcomes.CannotHaveStarted(null, ex))
        {
            call.AttemptRejected();
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An abandoned attempt (OperationCanceledException) stays "in flight": the app may be running it.
            call.AttemptMayHaveRun();
            throw;
        }

        if (ModalOutcomes.CannotHaveStarted(response, null))
        {
            call.AttemptRejected();
        }
        else if ((int)response.StatusCode is 303 or (>= 200 and < 300))
        {
            call.MarkAccepted();
        }
        else
        {
            call.AttemptMayHaveRun();
        }

        return response;
    }
}
