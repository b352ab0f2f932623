namespace Modal.Client.Internal;

/// <summary>
/// Records on the <see cref="ModalCall"/> what each POST attempt means for billing. <see cref="ModalResilienceHandler"/>
/// calls it around every attempt inside the retry strategy: one that was refused before it could start work (a refused
/// connection, 429, Modal's 503) leaves the call at "nothing ran"; any other answer or failure after the request left
/// marks that GPU work may have run.
/// </summary>
internal static class AttemptTracker
{
    /// <summary>An attempt is about to be sent.</summary>
    public static void Started(ModalCall call) => call.AttemptStarted();

    /// <summary>An attempt was answered.</summary>
    public static void Answered(ModalCall call, HttpResponseMessage response)
    {
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
    }

    /// <summary>An attempt failed without an answer.</summary>
    public static void Failed(ModalCall call, Exception exception)
    {
        if (ModalOutcomes.CannotHaveStarted(null, exception))
        {
            call.AttemptRejected();
        }
        else if (exception is not OperationCanceledException)
        {
            // An abandoned attempt (OperationCanceledException) stays "in flight": the app may be running it.
            call.AttemptMayHaveRun();
        }
    }
}
