namespace Modal.Client;

/// <summary>Where a call is, as reported through <see cref="ModalCallOptions.Progress"/>.</summary>
public enum ModalCallStage
{
    /// <summary>Waiting for a free slot of the app's concurrency limit.</summary>
    Queued,

    /// <summary>The request is being sent.</summary>
    Sending,

    /// <summary>Sent; waiting for the app (reported about once a second, with the elapsed time).</summary>
    Waiting,

    /// <summary>Modal answered 303: the call runs past 150 s and the SDK is polling its result URL.</summary>
    Redirected,

    /// <summary>A failed attempt is being retried (see <see cref="ModalCallProgress.Attempt"/>).</summary>
    Retrying,

    /// <summary>The result is being downloaded.</summary>
    Downloading,

    /// <summary>The result arrived.</summary>
    Completed,
}
